"""Checks the API's OpenAPI document and the exchanges the API tests recorded against it.

Run by `cargo xtask test` with the pinned tools of `requirements.txt` (in target/venv):

    openapi_check.py document DOC
        DOC is a valid OpenAPI 3.1 document (openapi-spec-validator).

    openapi_check.py exchanges DOC FILE [--partial]
        Every exchange in FILE (JSON lines written by `send` in tests/api/lib.rs: method,
        path with query, status, response headers, body) validates against DOC: its path and
        method are an operation of DOC, its status is declared there, and its headers and
        body match the declared ones (openapi-core). Exempted, counted and printed: exchanges
        outside /api/ (the SPA's pages), and two answers that no OpenAPI document can declare:
        the 404 of a path the document does not hold (the Worker's catch-all under /api/) and
        the 405 of a method a path does not accept; their bodies must still match the error
        schema DOC declares for 404.
        --partial (a document that covers only some operations, the fixture of the machinery)
        also exempts, and prints, exchanges of operations DOC does not hold.

The last line is `openapi_check: N valid, M invalid, K exempted`; the exit status is 1 if any
exchange (or the document) is invalid.
"""

import json
import sys
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from openapi_core import Config, OpenAPI
from openapi_core.deserializing.media_types.util import plain_loads
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound, ServerNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.versions.shortcuts import get_spec_version
from openapi_spec_validator.versions import consts as versions
from jsonschema_path import SchemaPath

# The host the recorded paths are resolved against; only the path matters to the document.
HOST = "http://127.0.0.1"
MAX_MESSAGE = 400


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_document(path):
    doc = load(path)
    try:
        version = get_spec_version(doc)
    except Exception as e:  # not an OpenAPI document at all
        print(f"{path}: not an OpenAPI document: {e}")
        return 1
    if version != versions.OPENAPIV31:
        print(f"{path}: OpenAPI {doc.get('openapi')!r}, not 3.1")
        return 1
    errors = list(OpenAPIV31SpecValidator(SchemaPath.from_dict(doc)).iter_errors())
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{path}: at {where}: {short(e.message)}")
    paths = doc.get("paths") or {}
    operations = sum(
        1 for item in paths.values() for m in item if m in ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    )
    print(f"openapi_check: {path} is {'not ' if errors else ''}valid OpenAPI 3.1 ({len(paths)} paths, {operations} operations)")
    return 1 if errors else 0


def short(text):
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def explain(error):
    """What is wrong, and where: the schema errors under an openapi-core error when it has
    them (its own message would repeat the whole value), else its message."""
    e = error
    while e is not None:
        schema_errors = getattr(e, "schema_errors", None)
        if schema_errors:
            found = []
            for se in schema_errors:
                where = "/".join(str(p) for p in getattr(se, "absolute_path", [])) or "(root)"
                found.append(f"at {where}: {getattr(se, 'message', se)}")
            return short(f"{type(error).__name__}: " + "; ".join(found))
        e = e.__cause__
    return short(f"{type(error).__name__}: {error}")


def escape(part):
    return part.replace("~", "~0").replace("/", "~1")


def resolve(doc, pointer, node):
    """A local `$ref` (`#/components/...`) followed to what it names, with its JSON pointer."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"non-local $ref {ref}")
        pointer, node = ref[1:], doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return pointer, node


def error_schema(doc):
    """Where the first 404 the document declares is, and the JSON pointer of its schema."""
    for path, item in (doc.get("paths") or {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "404" not in operation.get("responses", {}):
                continue
            at = f"/paths/{escape(path)}/{method}/responses/404"
            at, response = resolve(doc, at, operation["responses"]["404"])
            for media, content in (response.get("content") or {}).items():
                if media.startswith("application/json") and "schema" in content:
                    return f"{method.upper()} {path} 404", f"{at}/content/{escape(media)}/schema"
    return None, None


def error_body_validator(doc):
    """A JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) for the declared 404 body."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    where, pointer = error_schema(doc)
    if pointer is None:
        return None, None
    base = "urn:qabyldau:openapi"
    # The schema's own local refs (#/components/...) resolve against the whole document.
    registry = Registry().with_resource(base, Resource.from_contents(doc, default_specification=DRAFT202012))
    return where, Draft202012Validator({"$ref": f"{base}#{pointer}"}, registry=registry)


def check_exchanges(doc_path, exchanges_path, partial):
    doc = load(doc_path)
    # The feeds (iCalendar, CSV) are text: read them as the `type: string` the document
    # declares, instead of the raw bytes openapi-core keeps for media types it does not know.
    text = {t: plain_loads for t in ("text/calendar", "text/csv")}
    api = OpenAPI.from_dict(doc, config=Config(extra_media_type_deserializers=text))
    error_where, error_validator = error_body_validator(doc)
    valid = invalid = 0
    exempt = Counter()
    probes = []
    failures = []
    with open(exchanges_path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    for n, line in enumerate(lines, 1):
        x = json.loads(line)
        method, target, status = x["method"].upper(), x["path"], int(x["status"])
        url = urlsplit(target)
        headers = {}
        for name, value in x["headers"]:
            headers[name] = value
        content_type = next((v for k, v in x["headers"] if k.lower() == "content-type"), None)
        request = MockRequest(HOST, method.lower(), url.path, args=dict(parse_qsl(url.query)))
        response = MockResponse(x["body"].encode("utf-8"), status_code=status, headers=headers, content_type=content_type)
        label = f"{method} {target} → {status}"
        if not url.path.startswith("/api/"):
            # The tests also open a few pages to see that no personal data is in them.
            exempt["not under /api/ (the SPA's pages, outside the API)"] += 1
            continue
        try:
            errors = list(api.iter_response_errors(request, response))
        except (PathNotFound, ServerNotFound, OperationNotFound) as e:
            errors = [e]
        unrouted = [e for e in errors if isinstance(e, (PathNotFound, ServerNotFound, OperationNotFound))]
        if unrouted:
            e = unrouted[0]
            no_path = not isinstance(e, OperationNotFound)
            if partial:
                exempt["operation not in the partial document"] += 1
                continue
            probe = (no_path and status == 404) or (not no_path and status == 405)
            if not probe:
                invalid += 1
                what = "path" if no_path else "method"
                failures.append(f"{label}: the document has no such {what} ({short(e)})")
                continue
            reason = "404 of a path the document does not hold (catch-all)" if no_path else "405 of a method the path does not accept"
            exempt[reason] += 1
            probes.append(label)
            if error_validator is None:
                invalid += 1
                failures.append(f"{label}: exempted {reason}, but the document declares no 404 error body to check it against")
                continue
            try:
                body = json.loads(x["body"])
            except ValueError as e:
                invalid += 1
                failures.append(f"{label}: body is not JSON ({e})")
                continue
            problems = [f"at {'/'.join(map(str, p.absolute_path)) or '(root)'}: {p.message}" for p in error_validator.iter_errors(body)]
            if problems:
                invalid += 1
                failures.append(f"{label}: body does not match the error schema of {error_where}: {short('; '.join(problems))}")
            else:
                valid += 1
            continue
        if errors:
            invalid += 1
            failures.append(f"{label}: " + " | ".join(explain(e) for e in errors))
        else:
            valid += 1
    for failure in failures:
        print(f"openapi_check: invalid: {failure}")
    for reason, count in sorted(exempt.items()):
        checked = reason.startswith(("404", "405"))
        suffix = f"; their bodies checked against the error schema of {error_where}" if checked else ""
        print(f"openapi_check: exempted {count} exchange(s): {reason}{suffix}")
    for probe in sorted(set(probes)):
        print(f"openapi_check:   exempted: {probe}")
    print(f"openapi_check: {valid} valid, {invalid} invalid, {sum(exempt.values())} exempted (of {len(lines)} recorded in {exchanges_path})")
    return 1 if invalid else 0


def main(argv):
    if len(argv) == 2 and argv[0] == "document":
        return check_document(argv[1])
    if len(argv) in (3, 4) and argv[0] == "exchanges" and (len(argv) == 3 or argv[3] == "--partial"):
        return check_exchanges(argv[1], argv[2], len(argv) == 4)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
