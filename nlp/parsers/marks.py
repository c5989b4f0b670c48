"""Signatures and 捺印 on scanned pages: is there ink where a 笔录 or 告知书 is signed?

A signature line prints a label ("被询问人：", "记录人（签名）：", "捺指印：") and leaves room after it. On a
scan, what fills that room may be a handwritten name the recogniser cannot read, so the text alone would call the
line unsigned. For every such label on an OCRed page this looks at the page image after the label:

* ``ink``: dark strokes (read on the red channel, so red seals and fingerprints do not count) cover more than
  INK_SHARE of the room — something is written there, read or not;
* ``fingerprint``: red ink (colour segmentation as for seals) covers more than PRINT_SHARE of the room or just
  around it — a 捺印 or the seal over the signature.

Rules read the result from ``Document.page_info[].signatures``; ``text`` says what OCR read after the label.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.schema import BBox, SignatureMark

if TYPE_CHECKING:
    import numpy as np

    from nlp.parsers.ocr import OcrLine

ROOM = 6.0  # × line height: how far right of the label the signature may reach
INK_SHARE = 0.02  # share of the room's pixels that must be dark to count as writing (scan noise stays below)
PRINT_SHARE = 0.03  # share of red pixels for a fingerprint or seal over the signature
DARK = 110  # red-channel value below which a pixel is ink
RED_MARGIN = 60  # red above green and blue by this much: red ink

_LABEL = re.compile(
    r"(被询问人|被讯问人|询问人|讯问人|记录人|翻译人|见证人|被告知人|被处罚人|当事人|被传唤人|被检查人|"
    r"持有人|侦查人员|办案人|执行人|签收人|签名|捺指印|捺印|指印)(?:（签名(?:、捺指印)?）)?[：:]"
)


def signature_marks(image: np.ndarray, scale: float, lines: list[OcrLine]) -> list[SignatureMark]:
    """The signature labels on one OCRed page (``lines`` as ``OcrEngine.ocr_image`` gave them, boxes in points)
    and whether there is ink after each. ``image`` is the BGR page, ``scale`` points per pixel."""
    import numpy as np

    height_px, width_px = image.shape[:2]
    red = image[:, :, 2].astype(np.int16)
    redness = red - np.maximum(image[:, :, 1], image[:, :, 0]).astype(np.int16)
    marks: list[SignatureMark] = []
    for line in lines:
        for m in _LABEL.finditer(line.text):
            label_box = line.char_boxes[m.end() - 1]
            line_height = line.bbox[3] - line.bbox[1]
            # The room ends where the next label on the line starts (two signatures on one line).
            following = _LABEL.search(line.text, m.end())
            right = label_box[2] + ROOM * line_height
            if following is not None:
                right = min(right, line.char_boxes[following.start()][0])
            # Nor does it reach into another printed line of the same row (the next cell of a form table).
            for other in lines:
                if other is not line and other.bbox[0] > label_box[2] and _same_row(other.bbox, line.bbox):
                    right = min(right, other.bbox[0] - 1.0)
            room: BBox = (label_box[2] + 1.0, line.bbox[1] - 0.3 * line_height, right, line.bbox[3] + 0.3 * line_height)
            x0, y0 = max(0, round(room[0] / scale)), max(0, round(room[1] / scale))
            x1, y1 = min(width_px, round(room[2] / scale)), min(height_px, round(room[3] / scale))
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            dark = float((red[y0:y1, x0:x1] < DARK).mean())
            pad = round(line_height / scale)
            around = redness[max(0, y0 - pad) : min(height_px, y1 + pad), x0:x1]
            printed = float((around > RED_MARGIN).mean())
            end = following.start() if following is not None else len(line.text)
            marks.append(
                SignatureMark(
                    label=m.group(1),
                    bbox=(round(room[0], 2), round(room[1], 2), round(room[2], 2), round(room[3], 2)),
                    text=line.text[m.end() : end].strip(),
                    ink=dark > INK_SHARE,
                    fingerprint=printed > PRINT_SHARE,
                )
            )
    return marks


def _same_row(a: BBox, b: BBox) -> bool:
    """The boxes overlap vertically by more than half the shorter one's height."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])
