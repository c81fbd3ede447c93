"""HTML and CSS to PDF: the Jinja2 templates beside this module, laid out by WeasyPrint with
the Noto CJK fonts the system provides (Debian `fonts-noto-cjk`; see ADR 0024).

A document fetches nothing: the stylesheet is read from the package and the URL fetcher allows
no protocol, so text an applicant typed can never make the server fetch a URL (and Jinja2
escapes it anyway).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from types import ModuleType
from typing import Any

import jinja2

from socialaid.errors import DomainError, ErrorCode
from socialaid.printing.sheets import ApplicationSheet, NoticeSheet

PDF_MEDIA_TYPE = "application/pdf"
_TEMPLATES = "templates"


class PrintingUnavailableError(DomainError):
    """The server lacks the libraries the layout needs (Pango): printing is off, the rest works."""

    code = ErrorCode.UNAVAILABLE

    def __init__(self) -> None:
        super().__init__("打印服务暂不可用：服务器缺少排版所需的 Pango 库，请联系运维人员")


@cache
def _weasyprint() -> ModuleType:
    # Imported on the first print, not with the app: it takes seconds and loads Pango, which a
    # server that never prints (or lacks it, as a bare `dev.py serve` may) does without.
    try:
        import weasyprint
    except OSError as error:  # a shared library Pango needs is missing
        raise PrintingUnavailableError() from error
    loaded: ModuleType = weasyprint
    return loaded


def ensure_renderer() -> None:
    """Load WeasyPrint (blocking the first time): PrintingUnavailableError when it cannot be."""
    _weasyprint()


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("socialaid.printing", _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _no_fetching() -> Any:
    return _weasyprint().urls.URLFetcher(allowed_protocols=(), fail_on_errors=False)


@cache
def _stylesheet() -> Any:
    text = files("socialaid.printing").joinpath(_TEMPLATES, "print.css").read_text("utf-8")
    return _weasyprint().CSS(string=text, url_fetcher=_no_fetching())


def html_of(template: str, **values: object) -> str:
    return _environment().get_template(template).render(**values)


def pdf_of(html: str) -> bytes:
    """The PDF of `html` with the print stylesheet; blocking (CPU-bound): run it off the event
    loop."""
    document = _weasyprint().HTML(string=html, url_fetcher=_no_fetching(), base_url=None)
    pdf = document.write_pdf(stylesheets=[_stylesheet()])
    assert isinstance(pdf, bytes)  # write_pdf returns the bytes when given no target
    return pdf


def application_pdf(sheet: ApplicationSheet) -> bytes:
    return pdf_of(html_of("application.html", sheet=sheet))


def notice_pdf(sheet: NoticeSheet) -> bytes:
    return pdf_of(html_of("notice.html", sheet=sheet))
