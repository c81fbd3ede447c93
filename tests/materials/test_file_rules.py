"""The pure rules of material files: types by their bytes, what each evidence type accepts
(seed 004 附件3), signed URLs, and who may read a material's file."""

from __future__ import annotations

from socialaid.access.principal import Principal
from socialaid.applications.material_readers import may_read_file
from socialaid.materials.file_types import FileType, accepted_for, file_type, sniffed
from socialaid.materials.s3_store import content_disposition
from socialaid.materials.url_signing import UrlProblem, check, signed_path
from tests.materials.files import pdf, png


def test_files_are_recognised_by_their_first_bytes() -> None:
    assert sniffed(png()) is FileType.PNG
    assert sniffed(pdf()) is FileType.PDF
    assert sniffed(b"\xff\xd8\xff\xe0\x00\x10JFIF") is FileType.JPEG
    assert sniffed(b"GIF89a") is None
    assert sniffed(b"") is None


def test_a_declared_type_is_read_without_parameters_or_case() -> None:
    assert file_type("Image/PNG; charset=binary") is FileType.PNG
    assert file_type("image/gif") is None


def test_the_authorisation_is_a_scan_and_certificates_a_scan_or_a_photo() -> None:
    # Seed 004 附件3, 材料形式: 扫描版或电子授权 / 扫描版或照片.
    assert accepted_for("economic_check_authorisation") == {FileType.PDF}
    assert accepted_for("hukou_booklet") == {FileType.PDF, FileType.PNG, FileType.JPEG}
    assert accepted_for("an_evidence_type_the_seeds_say_nothing_of") == {
        FileType.PDF,
        FileType.PNG,
        FileType.JPEG,
    }


def query_of(path: str) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(path).query))


def test_a_signed_url_holds_until_it_expires_and_only_as_signed() -> None:
    key = "staging/310105/0b7d4f1e-0000-4000-8000-000000000001"
    path = signed_path("secret", "PUT", key, 1000, {"type": "application/pdf", "size": "10"})
    query = query_of(path)
    bound = ("type", "size")
    assert check("secret", "PUT", key, query, bound, now=999) is None
    assert check("secret", "PUT", key, query, bound, now=1001) is UrlProblem.EXPIRED
    assert check("other", "PUT", key, query, bound, now=999) is UrlProblem.BAD_SIGNATURE
    assert check("secret", "GET", key, query, bound, now=999) is UrlProblem.BAD_SIGNATURE
    bigger = query | {"size": "11"}
    assert check("secret", "PUT", key, bigger, bound, now=999) is UrlProblem.BAD_SIGNATURE
    later = query | {"expires": "2000"}
    assert check("secret", "PUT", key, later, bound, now=999) is UrlProblem.BAD_SIGNATURE


def reader(user: str, departments: tuple[str, ...] = ()) -> Principal:
    return Principal(
        user_id=user,
        tenant_id="310105",
        tenant_path="310000/310105",
        grants=(),
        departments=departments,
    )


CASES = [("dibao", "civil_affairs"), ("legal_aid", "justice")]


def test_the_applicant_the_filer_and_the_departments_needing_it_read_a_file() -> None:
    def may(actor: Principal | None) -> bool:
        return may_read_file(
            actor, owner="citizen-1", submitted_by="clerk-1", required_by=["dibao"], cases=CASES
        )

    assert may(reader("citizen-1"))
    assert may(reader("clerk-1"))
    assert may(reader("worker", ("civil_affairs",)))
    assert not may(reader("worker", ("justice",)))  # has a case, but not one needing this file
    assert not may(reader("worker", ("education",)))
    assert not may(reader("citizen-2"))
    assert not may(None)


def test_the_download_header_carries_no_control_character_whatever_the_stored_name() -> None:
    header = content_disposition('户口\r\nX-Injected: 1".pdf')
    assert header == (
        'attachment; filename="??__X-Injected: 1\'.pdf"; '
        "filename*=UTF-8''%E6%88%B7%E5%8F%A3%0D%0AX-Injected%3A%201%22.pdf"
    )
