#!/usr/bin/env python3
"""Generated requests from the service's own OpenAPI description (schemathesis) against a real
oso-service on a temp data directory. Fails on any 5xx answer, any answer that shows a stack
trace, or a panic in the service's log.

Every route is reached as the caller it is meant for (schemathesis picks the token by each
operation's security scheme): the customer routes with the session of an administrator of a
protected account, the operator routes (/api/v1/operator/…) with an operator token made by
`oso-service operators create-token`; schemathesis also sends requests with a missing or wrong
token, which answer 401. Before the run the script makes real objects through the API (orders,
saved addresses and account numbers, access requests of two other users, a second
administrator) and hands their ids to schemathesis as dictionaries, so routes with ids in their
path or body meet real ones about half the time besides generated ones. At the end it prints
which status codes each route answered, to all requests and to those with a seeded value, from
schemathesis's NDJSON report; it fails on a 5xx or stack trace found there too.

Usage: scripts/fuzz-api.py [EXAMPLES]   (default 100 per operation; make test runs a small number)
Needs: schemathesis (scripts/setup-system.sh fuzz installs it into a venv), a debug build of
oso-service (cargo build -p oso-service).
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from local_service import SERVICE, TARGET, running_service

SCHEMATHESIS = Path(os.environ.get("OSO_SCHEMATHESIS", TARGET / "fuzz-venv" / "bin" / "schemathesis"))
EMAIL = "fuzz@zebra.example"
DEPUTY = "deputy@zebra.example"
REQUESTERS = ("bob@other.example", "carol@other.example")
NEW_USER = "dave@other.example"
PASSWORD = "tall giraffe eats blue kites"
NUMBER = "951234567"
OTHER_NUMBER = "951234568"
ADDRESS = {"company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
           "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"}
# Signing out, "forget me" and a password change end the session the rest of the run needs, and
# the events stream answers for as long as its session lasts; their own tests cover them.
EXCLUDED = "^/api/v1/(sessions/current|me/forget|me/password|events)$"
REPORT = "schemathesis.ndjson"
# What a Rust panic or backtrace leaves in a text: "panicked at src/x.rs:12:5", "stack backtrace:".
STACK_TRACE = re.compile(r"panicked at|stack backtrace|\.rs:\d+:\d+")
# Which parameters take the seeded values (about half the time), by dictionary; the `id` in a
# path means something else on each route.
PARAMETERS = {"path.order_number": "order_numbers", "path.number": "customer_accounts",
              "path.email": "administrators", "body.account_number": "customer_accounts",
              "body.emails[*]": "users", "body.ids[*]": "access_requests"}
PATH_IDS = {"^/api/v1/me/addresses/": "addresses",
            "^/api/v1/me/account-numbers/": "account_numbers",
            "^/api/v1/esecure/requests/": "access_requests"}


def activation_code(data, email):
    """The code in the newest activation mail to `email` in the outbox."""
    for mail in sorted((data / "outbox").glob("*activation*.eml"), reverse=True):
        text = mail.read_text()
        if email in text:
            return re.search(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b", text).group(0)
    raise RuntimeError(f"no activation mail to {email}")


def new_user(api, data, email):
    """Registers, activates and signs in a login; answers its session token."""
    api.call("POST", "/api/v1/registrations", {"company_name": "Fuzz", "contact_name": "Fuzz",
             "email": email, "password": PASSWORD, "language": "en"}, expect=202)
    api.call("POST", "/api/v1/activations", {"email": email, "code": activation_code(data, email)},
             expect=204)
    return api.call("POST", "/api/v1/sessions", {"email": email, "password": PASSWORD},
                    expect=201)["token"]


def operator_token(data):
    made = subprocess.run([SERVICE, "operators", "--data-dir", data, "create-token", "fuzz"],
                          check=True, capture_output=True, text=True)
    return made.stdout.strip()


def seed(api, data):
    """Makes the objects the run starts from; answers the session and operator tokens and the
    seeded values by dictionary name."""
    session = new_user(api, data, EMAIL)
    operator = operator_token(data)
    api.call("POST", "/api/v1/operator/customer-accounts", {
        "number": NUMBER, "company": "Zebra", "protected": True, "administrators": [
            {"name": "Fuzz", "email": EMAIL, "language": "en"},
            {"name": "Deputy", "email": DEPUTY, "language": "en"}]}, operator, expect=201)
    for email in REQUESTERS:
        api.call("POST", "/api/v1/me/account-numbers", {"number": NUMBER},
                 new_user(api, data, email), expect=403)
    requests = [r["id"] for r in api.call("GET", "/api/v1/esecure/requests", token=session)]
    # One approved (revoking it works once), one pending.
    api.call("POST", "/api/v1/esecure/requests/decision",
             {"ids": requests[:1], "decision": "approve"}, session)
    addresses = [api.call("POST", "/api/v1/me/addresses", {**ADDRESS, "company": company},
                          session, expect=201)["id"] for company in ("Alpha", "Bravo", "Charlie")]
    account_numbers = [api.call("POST", "/api/v1/me/account-numbers", {"number": number},
                                session, expect=201)["id"] for number in (NUMBER, OTHER_NUMBER)]
    sku = api.call("GET", "/api/v1/catalogue")["items"][0]["sku"]
    orders = [api.call("POST", "/api/v1/orders", {
        "idempotency_key": f"fuzz-seed-order-{n}", "account_number": NUMBER, "address": ADDRESS,
        "lines": [{"sku": sku, "packs": 1}]}, session, expect=201)["order_number"]
        for n in range(3)]
    dictionaries = {"order_numbers": orders, "customer_accounts": [NUMBER],
                    "administrators": [DEPUTY], "users": [NEW_USER], "access_requests": requests,
                    "addresses": addresses, "account_numbers": account_numbers}
    return session, operator, dictionaries


def write_config(path, session, operator, dictionaries):
    """schemathesis.toml: each token for the routes of its security scheme, and the seeded
    values. (JSON spells these strings, numbers and lists as TOML does.)"""
    def seeded(dictionary):
        return f"{{ dictionary = {json.dumps(dictionary)}, probability = 0.5 }}"
    tables = [f"[auth.openapi.{scheme}]\nbearer = {json.dumps(token)}"
              for scheme, token in (("session", session), ("operator", operator))]
    tables += [f"[dictionaries.{name}]\nvalues = {json.dumps(values)}"
               for name, values in dictionaries.items()]
    tables.append("[parameters]\n" + "\n".join(f"{json.dumps(parameter)} = {seeded(dictionary)}"
                                                for parameter, dictionary in PARAMETERS.items()))
    tables += [f"[[operations]]\ninclude-path-regex = {json.dumps(where)}\n"
               f"parameters = {{ \"path.id\" = {seeded(dictionary)} }}"
               for where, dictionary in PATH_IDS.items()]
    path.write_text("\n\n".join(tables) + "\n")


def fuzz(base, data, examples):
    """Runs schemathesis; answers its exit code. Every request and answer goes to REPORT."""
    return subprocess.run([SCHEMATHESIS, "--config-file", data / "schemathesis.toml", "run",
                           f"{base}/api/v1/openapi.json", "--checks", "not_a_server_error",
                           "--max-examples", examples, "--exclude-path-regex", EXCLUDED,
                           "--report", "ndjson", "--report-ndjson-path", data / REPORT],
                          # schemathesis keeps its state in the working directory: the temp one.
                          cwd=data).returncode


def documented_routes(api):
    """"METHOD /path" of every operation in the service's OpenAPI description."""
    paths = api.call("GET", "/api/v1/openapi.json")["paths"]
    return [f"{method.upper()} {path}" for path, operations in sorted(paths.items())
            for method in operations]


def recorded_answers(report):
    """(route, whether it used a seeded value, status, answer text) of every request in
    schemathesis's NDJSON report."""
    for line in report.open():
        finished = json.loads(line).get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        for case_id, interaction in recorder.get("interactions", {}).items():
            case = recorder["cases"][case_id]["value"]
            content = interaction["response"].get("content") or {}
            text = base64.b64decode(content.get("$base64", "")).decode(errors="replace")
            yield (f"{case['method']} {case['path']}", bool(case["meta"].get("dictionary_draws")),
                   interaction["response"]["status_code"], text)


def counts(statuses):
    return " ".join(f"{status}×{n}" for status, n in sorted(statuses.items())) or "-"


def summarise(routes, report):
    """Prints which statuses each documented route answered, to all requests and to those with a
    seeded value; answers how many answers were a 5xx or showed a stack trace (each printed)."""
    every, seeded = defaultdict(Counter), defaultdict(Counter)
    requests, bad = 0, 0
    for route, with_seed, status, text in recorded_answers(report):
        requests += 1
        every[route][status] += 1
        if with_seed:
            seeded[route][status] += 1
        if status >= 500 or STACK_TRACE.search(text):
            bad += 1
            print(f"{route} answered {status}: {text[:2000]}")
    print(f"\n{requests} requests; statuses per route (all requests | those with a seeded value):")
    width = max(map(len, routes))
    for route in routes:
        print(f"  {route:<{width}}  {counts(every[route])}  |  {counts(seeded[route])}")
    return bad


def main():
    examples = sys.argv[1] if len(sys.argv) > 1 else "100"
    data = Path(tempfile.mkdtemp(prefix="oso-fuzz-"))
    with running_service(data) as api:
        routes = documented_routes(api)
        write_config(data / "schemathesis.toml", *seed(api, data))
        code = fuzz(api.base, data, examples)
    bad = summarise(routes, data / REPORT)
    service_log = (data / "service.log").read_text()
    if "panicked" in service_log:
        print("the service panicked:\n" + service_log[-4000:])
        return 1
    print(f"schemathesis exit {code}; {bad} answers with a 5xx or a stack trace; "
          f"no panic in the service log ({data / 'service.log'})")
    return code or int(bad > 0)


if __name__ == "__main__":
    sys.exit(main())
