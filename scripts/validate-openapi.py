#!/usr/bin/env python3
"""Validate an OpenAPI 3 document (the API's, as GET /api/v1/openapi.json serves it) with
openapi-spec-validator: the document's shape, and every $ref resolving.

Usage: validate-openapi.py FILE. Prints the first problem found; exits 0 when valid, 1 otherwise.
"""
import json
import sys

from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError


def main(path):
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    try:
        validate(document)
    except OpenAPIValidationError as error:
        print(f"invalid: {error.message} at {'/'.join(str(part) for part in error.absolute_path)}")
        return 1
    except Exception as error:  # a $ref to nowhere is raised by the resolver, not as a validation error
        print(f"invalid: {type(error).__name__}: {error}")
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
