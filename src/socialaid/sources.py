"""Where a piece of reference data comes from: a seed document and its section."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SEED_FILES = {
    "000_140f49d7d74dd147.txt": "沪民救发〔2021〕10号 上海市社会救助“一件事”业务流程优化再造改革工作方案",
    "001_02dcbafffb41dcb7.txt": "长社救联办〔2021〕3号 长宁区关于改革完善社会救助制度的实施办法",
    "002_3b8c3d8fe2173d47.txt": "江阴市地方标准 社会救助联动工作规范",
    "003_2610f75d9152240d.txt": "沪民救发〔2022〕9号 关于切实做好本市困难群众基本生活保障工作的通知",
    "004_96cf332014ae0963.txt": "晋民发〔2025〕14号 “高效办成社会救助一件事”工作方案",
}


class SourceRef(BaseModel):
    """A citation: a seed file (or an external document named in `document`) and a section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: str | None = Field(default=None, description="seed file name under shared/seeds/")
    document: str | None = Field(default=None, description="an external document, by title/文号")
    section: str
    quote: str | None = None

    def model_post_init(self, _context: object) -> None:
        if self.seed is None and self.document is None:
            raise ValueError("a source names a seed file or a document")
        if self.seed is not None and self.seed not in SEED_FILES:
            raise ValueError(f"unknown seed file {self.seed!r}")
