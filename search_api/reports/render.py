"""A due-diligence report as JSON-ready data, HTML (Jinja2 template) and PDF (WeasyPrint, with
the Chinese font the system has: WenQuanYi Micro Hei or Noto Sans CJK)."""

from __future__ import annotations

import dataclasses
import json
from enum import StrEnum
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from graph.analytics.due_diligence import Report

_ENV = Environment(
    loader=PackageLoader("search_api.reports", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)
SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}
KIND_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计"}


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


MEDIA_TYPES = {
    ReportFormat.JSON: "application/json",
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.PDF: "application/pdf",
}


def render_report(report: Report, name: str, report_format: ReportFormat) -> bytes:
    """The report as the bytes of a JSON, HTML or PDF file."""
    if report_format is ReportFormat.HTML:
        return report_html(report, name).encode("utf-8")
    if report_format is ReportFormat.PDF:
        return report_pdf(report, name)
    body = {"name": name, **report_data(report)}
    return json.dumps(body, ensure_ascii=False, default=str).encode("utf-8")


def report_data(report: Report) -> dict[str, Any]:
    return dataclasses.asdict(report)


def report_html(report: Report, name: str) -> str:
    template = _ENV.get_template("due_diligence.html.j2")
    return template.render(
        report=report_data(report), name=name, severity_zh=SEVERITY_ZH, kind_zh=KIND_ZH
    )


def report_pdf(report: Report, name: str) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which only the PDF export needs.
    from weasyprint import HTML

    pdf: bytes = HTML(string=report_html(report, name)).write_pdf()
    return pdf
