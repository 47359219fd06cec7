#!/usr/bin/env python3
"""Checks the OpenAPI description a real oso-service serves at /api/v1/openapi.json against the
OpenAPI 3.1 specification with openapi-spec-validator, the check generated clients rely on
(unique operationIds, valid schemas and references, path parameters that match their paths).
Prints each error and fails on any.

Usage: scripts/validate-openapi.py
Needs: openapi-spec-validator (scripts/setup-system.sh test installs it into the venv that has
schemathesis: run this with that venv's python), a debug build of oso-service
(cargo build -p oso-service).
"""
import sys
import tempfile
from pathlib import Path

from openapi_spec_validator import OpenAPIV31SpecValidator

from local_service import running_service


def main():
    data = Path(tempfile.mkdtemp(prefix="oso-openapi-"))
    with running_service(data) as api:
        document = api.call("GET", "/api/v1/openapi.json")
    if not document.get("openapi", "").startswith("3.1."):
        print(f"the document says OpenAPI {document.get('openapi')!r}, not 3.1")
        return 1
    errors = list(OpenAPIV31SpecValidator(document).iter_errors())
    for error in errors:
        print(f"{'/'.join(map(str, error.absolute_path)) or '(document)'}: {error.message}")
    operations = sum(1 for item in document["paths"].values() for key in item
                     if key in {"get", "put", "post", "delete", "patch", "head", "options", "trace"})
    print(f"OpenAPI {document['openapi']}, {len(document['paths'])} paths, {operations} operations: "
          f"{len(errors)} errors")
    return int(bool(errors))


if __name__ == "__main__":
    sys.exit(main())
