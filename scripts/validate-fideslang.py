#!/usr/bin/env python3
"""Validate a folder of fideslang manifests, as `custos policy export --format fideslang -o DIR`
writes them.

Checks that every manifest parses into fideslang's models (schema valid), and that every data
category, data use, data subject, dataset and organization key referenced resolves, either to the
default taxonomy or to an entry the manifests define. fideslang's own get_referenced_missing_keys
is run too; it does not look at dataset field categories, so those are walked here.

Prints a JSON report; exits 0 when valid, 1 otherwise.
"""
import json
import sys

from fideslang import DEFAULT_TAXONOMY, Taxonomy
from fideslang.manifests import ingest_manifests
from fideslang.parse import load_manifests_into_taxonomy
from fideslang.relationships import get_referenced_missing_keys


def field_categories(fields, path):
    for field in fields or []:
        here = f"{path}.{field.name}"
        for key in field.data_categories or []:
            yield here, key
        yield from field_categories(field.fields, here)


def main(folder):
    problems = []
    try:
        manifests = ingest_manifests(folder)
        custom = load_manifests_into_taxonomy(manifests)
    except (Exception, SystemExit) as error:  # fideslang raises SystemExit on invalid manifests
        print(json.dumps({"valid": False, "problems": [f"schema: {error}"]}, indent=2))
        return 1

    merged = Taxonomy(
        data_category=DEFAULT_TAXONOMY.data_category + custom.data_category,
        data_use=DEFAULT_TAXONOMY.data_use + custom.data_use,
        data_subject=DEFAULT_TAXONOMY.data_subject + custom.data_subject,
        organization=DEFAULT_TAXONOMY.organization + custom.organization,
        system=custom.system,
        dataset=custom.dataset,
    )
    categories = {c.fides_key for c in merged.data_category}
    uses = {u.fides_key for u in merged.data_use}
    subjects = {s.fides_key for s in merged.data_subject}
    organizations = {o.fides_key for o in merged.organization}
    datasets = {d.fides_key for d in merged.dataset}

    for key in sorted(get_referenced_missing_keys(merged)):
        problems.append(f"missing key (fideslang): {key}")

    for category in custom.data_category:
        if category.parent_key and category.parent_key not in categories:
            problems.append(f"data_category {category.fides_key}: parent {category.parent_key} not defined")
    for use in custom.data_use:
        if use.parent_key and use.parent_key not in uses:
            problems.append(f"data_use {use.fides_key}: parent {use.parent_key} not defined")

    for resource in custom.system + custom.dataset + custom.data_category + custom.data_use + custom.data_subject:
        if resource.organization_fides_key not in organizations:
            problems.append(f"{resource.fides_key}: organization {resource.organization_fides_key} not defined")

    for system in custom.system:
        for reference in system.dataset_references or []:
            if reference not in datasets:
                problems.append(f"system {system.fides_key}: dataset {reference} not defined")
        for declaration in system.privacy_declarations:
            where = f"system {system.fides_key}, declaration '{declaration.name}'"
            for key in declaration.data_categories:
                if key not in categories:
                    problems.append(f"{where}: data category {key} not defined")
            if declaration.data_use not in uses:
                problems.append(f"{where}: data use {declaration.data_use} not defined")
            for key in declaration.data_subjects:
                if key not in subjects:
                    problems.append(f"{where}: data subject {key} not defined")
            for reference in declaration.dataset_references or []:
                if reference not in datasets:
                    problems.append(f"{where}: dataset {reference} not defined")

    for dataset in custom.dataset:
        for key in dataset.data_categories or []:
            if key not in categories:
                problems.append(f"dataset {dataset.fides_key}: data category {key} not defined")
        for collection in dataset.collections:
            for key in collection.data_categories or []:
                if key not in categories:
                    problems.append(f"dataset {dataset.fides_key}.{collection.name}: data category {key} not defined")
            for path, key in field_categories(collection.fields, f"{dataset.fides_key}.{collection.name}"):
                if key not in categories:
                    problems.append(f"dataset field {path}: data category {key} not defined")

    summary = {
        "valid": not problems,
        "problems": problems,
        "counts": {
            "organization": len(custom.organization),
            "system": len(custom.system),
            "dataset": len(custom.dataset),
            "privacy_declarations": sum(len(s.privacy_declarations) for s in custom.system),
            "custom_data_categories": len(custom.data_category),
            "custom_data_subjects": len(custom.data_subject),
            "custom_data_uses": len(custom.data_use),
        },
    }
    print(json.dumps(summary, indent=2))
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: validate-fideslang.py DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
