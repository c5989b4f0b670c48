"""Closed vocabularies of the report and the document model.

Every value here is part of the stable report format (docs/REPORT.md): add members, never rename them.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """The seven finding categories of the report."""

    MISSING_ELEMENT = "missing_element"
    MISSING_DOCUMENT = "missing_document"
    TIME_LIMIT = "time_limit"
    PROCEDURE = "procedure"
    INCONSISTENCY = "inconsistency"
    CITATION = "citation"
    QUALIFICATION = "qualification"


class Gate(StrEnum):
    """六关: 事实、证据、定性、处理、程序、文书."""

    FACT = "fact"
    EVIDENCE = "evidence"
    QUALIFICATION = "qualification"
    DISPOSITION = "disposition"
    PROCEDURE = "procedure"
    DOCUMENT = "document"


GATE_ZH: dict[Gate, str] = {
    Gate.FACT: "事实关",
    Gate.EVIDENCE: "证据关",
    Gate.QUALIFICATION: "定性关",
    Gate.DISPOSITION: "处理关",
    Gate.PROCEDURE: "程序关",
    Gate.DOCUMENT: "文书关",
}

CATEGORY_ZH: dict[Category, str] = {
    Category.MISSING_ELEMENT: "要素缺失",
    Category.MISSING_DOCUMENT: "文书缺失",
    Category.TIME_LIMIT: "期限违规",
    Category.PROCEDURE: "程序违规",
    Category.INCONSISTENCY: "前后不一致",
    Category.CITATION: "法律引用错误",
    Category.QUALIFICATION: "定性处理存疑",
}


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_ZH: dict[Severity, str] = {Severity.HIGH: "严重", Severity.MEDIUM: "一般", Severity.LOW: "提示"}
SEVERITY_RANK: dict[Severity, int] = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


class FileFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    TABLE_CELL = "table_cell"
    LINE = "line"
    HEADER = "header"
    FOOTER = "footer"


class EntityType(StrEnum):
    PERSON = "PERSON"
    ID_NUMBER = "ID_NUMBER"
    PHONE = "PHONE"
    DATETIME = "DATETIME"
    DURATION = "DURATION"
    MONEY = "MONEY"
    CASE_NUMBER = "CASE_NUMBER"
    DOC_NUMBER = "DOC_NUMBER"
    LAW_CITATION = "LAW_CITATION"
    GENDER = "GENDER"
    ORG = "ORG"
    LOCATION = "LOCATION"
    CHARGE = "CHARGE"


class Role(StrEnum):
    """A person's role in the case (角色)."""

    SUSPECT = "suspect"  # 犯罪嫌疑人 / 违法嫌疑人 / 被讯问人 / 被处罚人
    VICTIM = "victim"  # 被害人 / 被侵害人
    REPORTER = "reporter"  # 报案人 / 控告人 / 举报人
    WITNESS = "witness"  # 证人
    INTERVIEWEE = "interviewee"  # 被询问人 whose standing is not stated
    OFFICER = "officer"  # 侦查人员 / 办案民警 / 讯问人 / 询问人 / 接报民警
    RECORDER = "recorder"  # 记录人
    APPROVER = "approver"  # 批准人 / 负责人
    GUARDIAN = "guardian"  # 监护人 / 法定代理人 / 合适成年人
    INTERPRETER = "interpreter"  # 翻译人
    FAMILY = "family"  # 家属 (被通知人)


ROLE_ZH: dict[Role, str] = {
    Role.SUSPECT: "嫌疑人",
    Role.VICTIM: "被害人",
    Role.REPORTER: "报案人",
    Role.WITNESS: "证人",
    Role.INTERVIEWEE: "被询问人",
    Role.OFFICER: "民警",
    Role.RECORDER: "记录人",
    Role.APPROVER: "审批人",
    Role.GUARDIAN: "监护人",
    Role.INTERPRETER: "翻译人",
    Role.FAMILY: "家属",
}
