#!/usr/bin/env bash
# Formats the Swift sources in place with the toolchain's swift-format and the checked-in .swift-format.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive Sources Tests Examples Package.swift
