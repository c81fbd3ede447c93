"""HTML and CSS to PDF: the Jinja2 templates beside this module, laid out by WeasyPrint with
the Noto CJK fonts the system provides (Debian `fonts-noto-cjk`; see ADR 0024).

A document fetches nothing: the stylesheet is read from the package and the URL fetcher allows
no protocol, so text an applicant typed can never make the server fetch a URL (and Jinja2
escapes it anyway).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import jinja2
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from socialaid.printing.sheets import ApplicationSheet, NoticeSheet

PDF_MEDIA_TYPE = "application/pdf"
_TEMPLATES = "templates"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("socialaid.printing", _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _stylesheet() -> CSS:
    text = files("socialaid.printing").joinpath(_TEMPLATES, "print.css").read_text("utf-8")
    return CSS(string=text, url_fetcher=_no_fetching())


def _no_fetching() -> URLFetcher:
    return URLFetcher(allowed_protocols=(), fail_on_errors=False)


def html_of(template: str, **values: object) -> str:
    return _environment().get_template(template).render(**values)


def pdf_of(html: str) -> bytes:
    """The PDF of `html` with the print stylesheet; blocking (CPU-bound): run it off the event
    loop."""
    document = HTML(string=html, url_fetcher=_no_fetching(), base_url=None)
    pdf = document.write_pdf(stylesheets=[_stylesheet()])
    assert isinstance(pdf, bytes)  # write_pdf returns the bytes when given no target
    return pdf


def application_pdf(sheet: ApplicationSheet) -> bytes:
    return pdf_of(html_of("application.html", sheet=sheet))


def notice_pdf(sheet: NoticeSheet) -> bytes:
    return pdf_of(html_of("notice.html", sheet=sheet))
