"""Bad input at scale: hypothesis-generated addresses, query parameters and command lines.
Whatever arrives, the answer is a proper status or exit code: never a server error or traceback."""

from __future__ import annotations

import io
import string
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LANGS = ["fi", "ar", "en", "xx", ""]
PAGES = ["", "path", "search", "municipalities/{x}/", "phases/{x}/", "maps/{x}/", "coverage/",
         "document/", "maps/{x}/map.svg"]  # fmt: skip
API = ["", "municipalities/", "municipalities/{x}/", "provisions/", "provisions/{x}/", "path",
       "search", "coverage", "organisations/{x}/", "places/", "activities/",
       "phases/{x}/"]  # fmt: skip
HSDS = ["", "services", "services/{x}", "organizations", "organizations/{x}", "taxonomies"]
PARAMETER_NAMES = ["municipality", "client", "finnish", "basis", "age", "permit", "assessment",
                   "plan", "q", "page", "page_size", "phase", "status", "purchased", "lang",
                   "second", "format", "uses_finnish", "residence_basis", "x"]  # fmt: skip
text = st.text(alphabet=string.printable + "äöåÄÖ€ü\u202e\u0627\u200b", max_size=40)
values = st.one_of(
    text,
    st.sampled_from(["kajaani", "205", "job-seeker", "other", "2024-02-30", "-1", "9" * 30,
                     "true", "maybe", "ar", "a4", "ndjson", "%00", "../../etc/passwd"]),
)  # fmt: skip


def check(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status < 500, status
    assert b"Traceback" not in response.content  # type: ignore[attr-defined]


@SETTINGS
@given(
    lang=st.sampled_from(LANGS),
    page=st.sampled_from(PAGES),
    x=text,
    params=st.dictionaries(st.sampled_from(PARAMETER_NAMES), values, max_size=6),
)
def test_guide_addresses__never_a_server_error(
    lang: str, page: str, x: str, params: dict[str, str]
) -> None:
    path = "/" + (f"{lang}/" if lang else "") + page.format(x=quote(x, safe=""))
    check(Client().get(path + "?" + urlencode(params)))


@SETTINGS
@given(
    base=st.sampled_from(["/api/v1/", "/api/hsds/"]),
    endpoint=st.integers(min_value=0, max_value=100),
    x=text,
    params=st.dictionaries(st.sampled_from(PARAMETER_NAMES), values, max_size=6),
)
def test_api_parameters__never_a_server_error(
    base: str, endpoint: int, x: str, params: dict[str, str]
) -> None:
    endpoints = API if base == "/api/v1/" else HSDS
    path = base + endpoints[endpoint % len(endpoints)].format(x=quote(x, safe=""))
    response = Client().get(path + "?" + urlencode(params))
    check(response)
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")


COMMANDS = [
    ["path"], ["search"], ["coverage"], ["map"], ["document"], ["data", "check"],
    ["export", "hsds"], ["ptv", "diff"],
]  # fmt: skip
arguments = st.lists(
    st.one_of(
        # never options that write many files or reach the network
    text.filter(lambda a: not a.startswith("-") or a == "-1"),
        st.sampled_from(["--client", "--lang", "--json", "--paper", "--format", "--all",
                         "--municipality", "--age", "--uses-finnish", "kajaani",
                         "job-seeker", "xx", "-1", "--diff", "--today"]),
    ),
    max_size=5,
)  # fmt: skip


@SETTINGS
@given(command=st.sampled_from(COMMANDS), args=arguments)
def test_command_lines__exit_with_a_code_never_a_traceback(
    command: list[str], args: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("out") / "out.file"
    argv = [*command, *args]
    if command[0] in {"map", "document", "export"}:
        argv += ["-o", str(out)]
    if command[0] == "ptv":  # recorded responses only: no test touches the network
        argv += ["--recorded", str(Path(__file__).parent / "fixtures" / "ptv")]
    sink = io.StringIO()
    try:
        with redirect_stdout(sink), redirect_stderr(sink):
            call_command(*argv)
    except CommandError as error:
        assert error.returncode in (1, 2)
    except SystemExit as error:  # argparse: bad options
        assert error.code in (0, 1, 2)
