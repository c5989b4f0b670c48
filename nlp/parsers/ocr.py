"""OCR of scanned PDF pages with RapidOCR (PaddleOCR PP-OCRv4 Chinese detection and recognition on onnxruntime).

The models ship inside the ``rapidocr-onnxruntime`` wheel: nothing is downloaded at run time. The engine is
loaded once per process on first use (``get_engine``) and serialised by a lock: onnxruntime already spreads one
page over both cores, so parallel pages would only compete for them.

Per page (``ocr_pdf_pages``):

* the page is rendered with PDFium at ``dpi``; the *red channel* is used as the grey image, which makes red
  official seals (红章) almost vanish while black, blue and pencil strokes stay dark — text under a seal is read
  and the seal's own curved text does not come out as noise; red-ink pixels that stay light grey there are set
  to the paper's level (``seal_erase``), so a seal stroke crossing a character does not make it drop;
* the DB detector finds text boxes (slightly rotated quadrilaterals on a skewed scan), each box is cut out
  level and read by the CTC recogniser;
* boxes the detector split on one printed line (form cells, wide gaps) are merged into one line, with a space
  between them, like the text-layer parser's form rows. Lines are grouped in a frame rotated by the page's skew
  (the median angle of the long boxes), so that a skewed row's cells stay together, then ordered top to bottom,
  and left to right within a line;
* character boxes come from the recogniser's CTC time steps (where each character was decoded along the box),
  split evenly along the box when those are missing.

Tuning (measured with ``scripts/bench_ocr.py``, see docs/PERFORMANCE.md, "OCR"): on 2 cores at 150 dpi the page
is shrunk to 960 px on its long side for detection (RapidOCR detects at full size), boxes are grown a little more
(unclip 2.0) and read at a recogniser height of 40 px instead of 48, one box per run (no padding between boxes
of different widths), without the 0°/180° direction classifier (scans arrive upright, skewed by a degree or two;
the classifier turned some boxes wrongly) and with 2 onnxruntime threads. Together 2–3× faster than RapidOCR's
defaults, with the same character accuracy. Rotating the page level first (``deskew``) gained nothing:
the recogniser's crops are already cut along the skewed boxes.

Coordinates are PDF points with the origin at the top-left of the page as displayed (crop box, /Rotate applied),
as in ``nlp.parsers.pdf_parser``.
"""

from __future__ import annotations

import importlib.util
import math
import re
import statistics
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nlp.parsers.base import ParseError
from nlp.schema import BBox, SignatureMark

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "RAPIDOCR_DEFAULTS",
    "TUNED",
    "OcrEngine",
    "OcrLine",
    "OcrPage",
    "OcrSettings",
    "OcrUnavailableError",
    "find_seals",
    "fix_text",
    "get_engine",
    "ocr_available",
    "ocr_pdf_pages",
]

SPACE_GAP = 0.25  # × line height: a wider gap between two boxes merged into one line gets a space
LONG_BOX = 3.0  # width / height from which a box's angle counts towards the page's skew
MIN_LINE_OVERLAP = 0.5  # share of the smaller box height two boxes must overlap (deskewed) to be on one line
CHAR_HALF_WIDTH = 0.6  # × box height: how far a character's box may reach from its CTC position on either side
SPECK_CONFIDENCE = 0.55  # punctuation read with less confidence at either end of a box is dropped (a speck)

# Post-corrections for what the recogniser systematically confuses on our documents; each replaces one character
# by one, so character boxes stay aligned.
_CN_NUMERALS = frozenset("〇零一二三四五六七八九十")
_ZERO_LIKE = frozenset("0Oo")  # "二〇二四年" is read as "二0二四年"
# A 文号's year is always in 〔〕 (GB/T 9704); the recogniser reads them as （）, 【】 or []. Court case numbers,
# "（2024）京0105刑初1234号", keep their round brackets: they are followed by letters, not the serial number.
_DOC_NUMBER_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])[（(【\[〔［]((?:19|20)\d{2})[）)】\]〕］](?=第?\d{1,6}号)")
_HALF_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？"})
_HALF_PUNCT_AFTER_CJK = re.compile(r"(?<=[\u4e00-\u9fff])[,;:!?]")


class OcrUnavailableError(RuntimeError):
    """The OCR packages (rapidocr-onnxruntime, onnxruntime, OpenCV) are not installed."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """Engine settings; ``TUNED`` is what ``get_engine`` uses, ``RAPIDOCR_DEFAULTS`` is the library's own."""

    det_max_side: int = 960  # pixels: the page is shrunk to this long side for detection; 0: detect at full size
    det_unclip_ratio: float = 2.0  # how far the detector grows a text kernel into its box (taller crops: faster)
    use_cls: bool = False  # run the 0°/180° text direction classifier on every box
    rec_height: int = 40  # recogniser input height in pixels (the model is trained at 48; its height is dynamic)
    rec_batch_num: int = 1  # text boxes per recogniser run (a batch pads its boxes to the widest, which alters results)
    threads: int = 2  # onnxruntime intra-op threads; 0 leaves onnxruntime's default
    seal_filter: bool = True  # read the red channel only (red seals vanish); False: luminance
    seal_erase: bool = True  # with seal_filter: red-ink pixels become paper (a seal's strokes stay faintly grey)
    deskew: bool = False  # rotate the page level and detect again when it is skewed (measured: no gain, see docs)
    # Boxes read with a lower mean confidence are dropped (RapidOCR: 0.5, which dropped a form cell holding a rare
    # surname, 麴彤 read "彤" at 0.498, so the field looked blank; 0.3 changed nothing else on the benchmark).
    text_score: float = 0.3


# RapidOCR 1.4.4's config.yaml: it detects on a 150 dpi A4 page at full size (its limit only ever enlarges).
RAPIDOCR_DEFAULTS = OcrSettings(
    det_max_side=0,
    det_unclip_ratio=1.6,
    use_cls=True,
    rec_height=48,
    rec_batch_num=6,
    threads=0,
    seal_filter=False,
    text_score=0.5,
)
TUNED = OcrSettings()


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One printed line: its text, box, one box per character of ``text`` (spaces included), and the mean
    confidence (0..1) of its characters."""

    text: str
    bbox: BBox
    char_boxes: list[BBox]
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The lines of one page in reading order; ``confidence`` is the mean over all characters read on the page
    (0.0 when nothing was read). ``width``/``height`` are the page's size in points, ``skew`` the angle of its
    text lines in degrees (positive: running down to the right)."""

    lines: list[OcrLine]
    confidence: float
    width: float
    height: float
    skew: float = 0.0
    seals: list[BBox] = field(default_factory=list)  # red seals (红章) on the page image, in the same coordinates
    signatures: list[SignatureMark] = field(default_factory=list)  # signature places (nlp.parsers.marks)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class _Piece:
    """One detector box with what the recogniser read in it, in pixels."""

    quad: Any  # 4×2 float array: top-left, top-right, bottom-right, bottom-left
    text: str
    spans: list[tuple[float, float]]  # per character: left and right edge as fractions of the box width
    confidences: list[float]
    x0: float = 0.0  # extent in the deskewed frame
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0


@dataclass(slots=True)
class _Line:
    pieces: list[_Piece] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0


def ocr_available() -> bool:
    """Whether the OCR packages are installed (cheap: nothing is imported)."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr_onnxruntime", "onnxruntime", "cv2"))


class OcrEngine:
    """RapidOCR's detector, classifier and recogniser with our settings; thread-safe (one page at a time)."""

    def __init__(self, settings: OcrSettings = TUNED) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailableError(
                "OCR needs rapidocr-onnxruntime==1.4.4 (with onnxruntime and OpenCV) installed"
            ) from exc
        self.settings = settings
        options: dict[str, Any] = {
            # "min" with the library's 736: a page is never enlarged; shrinking is done in _detect.
            "det_limit_type": "min",
            "det_limit_side_len": 736,
            "det_unclip_ratio": settings.det_unclip_ratio,
            "rec_batch_num": settings.rec_batch_num,
            "rec_img_shape": [3, settings.rec_height, 320],
            "use_cls": settings.use_cls,
            "text_score": settings.text_score,
        }
        if settings.threads:
            options["intra_op_num_threads"] = settings.threads
        self._ocr = RapidOCR(**options)
        self._lock = threading.Lock()

    def ocr_image(self, image: np.ndarray, scale: float = 1.0) -> OcrPage:
        """OCR one page image: (H, W) grey or (H, W, 3) BGR, uint8. ``scale`` is the size of a pixel in the
        coordinates wanted (points per pixel); 1.0 gives pixels."""
        import cv2
        import numpy as np

        if image.ndim == 3:
            # BGR: the red channel drops red seals; luminance otherwise.
            grey = image[:, :, 2] if self.settings.seal_filter else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
            if self.settings.seal_filter and self.settings.seal_erase:
                grey = _erase_red(image, grey)
        else:
            grey = image
        height, width = grey.shape[:2]
        bgr = cv2.cvtColor(np.ascontiguousarray(grey), cv2.COLOR_GRAY2BGR)
        with self._lock:
            pieces, skew = self._read(bgr)
        lines = _build_lines(pieces, skew, scale, width * scale, height * scale)
        counts = [len(line.text) - line.text.count(" ") for line in lines]
        chars = sum(counts)
        confidence = sum(line.confidence * n for line, n in zip(lines, counts, strict=True)) / chars if chars else 0.0
        return OcrPage(
            lines=lines,
            confidence=round(confidence, 4),
            width=round(width * scale, 2),
            height=round(height * scale, 2),
            skew=round(math.degrees(skew), 2),
            seals=find_seals(image, scale) if image.ndim == 3 else [],
        )

    def _detect(self, bgr: np.ndarray) -> np.ndarray | None:
        """Text boxes (n × 4 × 2, float32, full-size pixels), or None."""
        import cv2
        import numpy as np

        height, width = bgr.shape[:2]
        ratio = self.settings.det_max_side / max(height, width) if self.settings.det_max_side else 1.0
        if ratio < 1.0:
            # RapidOCR's own size limit only ever enlarges a page ("min") or ignores the setting ("max").
            small = cv2.resize(bgr, (round(width * ratio), round(height * ratio)), interpolation=cv2.INTER_AREA)
            boxes, _ = self._ocr.text_det(small)
        else:
            boxes, _ = self._ocr.text_det(bgr)
        if boxes is None or not len(boxes):
            return None
        boxes = np.asarray(boxes, dtype=np.float32)
        if ratio < 1.0:
            boxes[:, :, 0] = np.clip(boxes[:, :, 0] / ratio, 0, width - 1)
            boxes[:, :, 1] = np.clip(boxes[:, :, 1] / ratio, 0, height - 1)
        return boxes

    def _read(self, bgr: np.ndarray) -> tuple[list[_Piece], float]:
        import cv2
        import numpy as np

        boxes = self._detect(bgr)
        if boxes is None:
            return [], 0.0
        skew = _skew(boxes)
        inverse = None
        if self.settings.deskew and abs(math.degrees(skew)) >= 0.2:
            # Rotate the page level, detect again, and take the boxes back to the original page.
            height, width = bgr.shape[:2]
            matrix = cv2.getRotationMatrix2D((width / 2, height / 2), math.degrees(skew), 1.0)
            bgr = cv2.warpAffine(bgr, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
            inverse = cv2.invertAffineTransform(matrix)
            boxes = self._detect(bgr)
            if boxes is None:
                return [], skew
        quads = list(boxes)
        crops = self._ocr.get_crop_img_list(bgr, quads)
        if self.settings.use_cls:
            crops, _, _ = self._ocr.text_cls(crops)
        results, _ = self._ocr.text_rec(crops, True)  # True: also the CTC positions of the characters
        pieces: list[_Piece] = []
        for quad, result in zip(quads, results, strict=True):
            text, score, info = result[0], float(result[1]), result[2] if len(result) > 2 else None
            if score < self.settings.text_score or not text.strip():
                continue
            text = fix_text(text)
            if inverse is not None:
                quad = (np.hstack([quad, np.ones((4, 1), np.float32)]) @ inverse.T).astype(np.float32)
            confidences = [float(c) for c in info[4]] if info else []
            if len(confidences) != len(text):
                confidences = [score] * len(text)
            spans = _char_spans(text, info, quad)
            # Dust and toner specks beside a line come out as a doubtful "·", "." or "，" at its ends.
            start, end = 0, len(text)
            while start < end and not text[start].isalnum() and confidences[start] < SPECK_CONFIDENCE:
                start += 1
            while end > start and not text[end - 1].isalnum() and confidences[end - 1] < SPECK_CONFIDENCE:
                end -= 1
            if text[start:end].strip():
                pieces.append(_Piece(quad, text[start:end], spans[start:end], confidences[start:end]))
        return pieces, skew


def fix_text(text: str) -> str:
    """Undo the recogniser's usual confusions on case files, one character for one: 〇 read as 0 between Chinese
    numerals, a 文号 year's 〔〕 read as other brackets, ASCII , ; : ! ? after a Chinese character."""
    if any(ch in _ZERO_LIKE for ch in text):
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch in _ZERO_LIKE and (
                (i and chars[i - 1] in _CN_NUMERALS) or (i + 1 < len(chars) and chars[i + 1] in _CN_NUMERALS)
            ):
                chars[i] = "〇"
        text = "".join(chars)
    text = _DOC_NUMBER_YEAR.sub(lambda m: f"〔{m.group(1)}〕", text)
    return _HALF_PUNCT_AFTER_CJK.sub(lambda m: m.group(0).translate(_HALF_PUNCT), text)


def _skew(boxes: np.ndarray) -> float:
    """The page's text angle in radians: the median angle of the top edges of long boxes."""
    angles = []
    for box in boxes:
        (x0, y0), (x1, y1), _, (x3, y3) = box[0], box[1], box[2], box[3]
        length = math.hypot(float(x1 - x0), float(y1 - y0))
        if length >= LONG_BOX * math.hypot(float(x3 - x0), float(y3 - y0)):
            angles.append(math.atan2(float(y1 - y0), float(x1 - x0)))
    return statistics.median(angles) if angles else 0.0


def _char_spans(text: str, info: Any, quad: Any) -> list[tuple[float, float]]:
    """Left and right edge of each character as fractions of the box width, from the CTC time step where the
    recogniser emitted it; an even split when there are none (or the box was read turned, as vertical text)."""
    count = len(text)
    columns: list[int] = [col for word in info[2] for col in word] if info else []
    steps = float(info[0]) if info else 0.0
    box_width = max(float(math.dist(quad[0], quad[1])), float(math.dist(quad[3], quad[2])), 1.0)
    box_height = max(float(math.dist(quad[0], quad[3])), float(math.dist(quad[1], quad[2])), 1.0)
    turned = box_height / box_width >= 1.5  # get_crop_img_list read such a box turned by 90°
    if len(columns) != count or steps <= 0 or turned:
        return [(i / count, (i + 1) / count) for i in range(count)]
    centres = [min(max((col + 0.5) / steps, 0.0), 1.0) for col in columns]
    reach = CHAR_HALF_WIDTH * box_height / box_width  # a character is about as wide as the line is high
    if count == 1:
        return [(0.0, 1.0)]
    spans: list[tuple[float, float]] = []
    for i, centre in enumerate(centres):
        left = (centres[i - 1] + centre) / 2 if i else max(0.0, centre - min(reach, (centres[1] - centre) / 2))
        right = (
            (centre + centres[i + 1]) / 2
            if i < count - 1
            else min(1.0, centre + min(reach, (centre - centres[i - 1]) / 2))
        )
        spans.append((max(left, centre - reach), min(right, centre + reach)))
    return spans


def _build_lines(
    pieces: list[_Piece], skew: float, scale: float, page_width: float, page_height: float
) -> list[OcrLine]:
    if not pieces:
        return []
    cos, sin = math.cos(skew), math.sin(skew)
    for piece in pieces:
        xs = [float(x) * cos + float(y) * sin for x, y in piece.quad]  # rotate by -skew: lines become level
        ys = [float(y) * cos - float(x) * sin for x, y in piece.quad]
        piece.x0, piece.x1, piece.top, piece.bottom = min(xs), max(xs), min(ys), max(ys)
    lines: list[_Line] = []
    for piece in sorted(pieces, key=lambda p: (p.top + p.bottom, p.x0)):
        if lines:
            line = lines[-1]
            overlap = min(piece.bottom, line.bottom) - max(piece.top, line.top)
            smaller = min(piece.bottom - piece.top, line.bottom - line.top)
            if overlap > 0 and overlap >= MIN_LINE_OVERLAP * smaller:
                line.pieces.append(piece)
                line.top, line.bottom = min(line.top, piece.top), max(line.bottom, piece.bottom)
                continue
        lines.append(_Line([piece], piece.top, piece.bottom))
    lines.sort(key=lambda line: (line.top, min(p.x0 for p in line.pieces)))
    return [_emit(line, scale, page_width, page_height) for line in lines]


def _clamp(box: tuple[float, float, float, float], scale: float, width: float, height: float) -> BBox:
    x0, top, x1, bottom = box
    return (
        round(min(max(x0 * scale, 0.0), width), 2),
        round(min(max(top * scale, 0.0), height), 2),
        round(min(max(x1 * scale, 0.0), width), 2),
        round(min(max(bottom * scale, 0.0), height), 2),
    )


def _emit(line: _Line, scale: float, page_width: float, page_height: float) -> OcrLine:
    pieces = sorted(line.pieces, key=lambda p: p.x0)
    top = min(float(y) for p in pieces for _, y in p.quad)
    bottom = max(float(y) for p in pieces for _, y in p.quad)
    height = line.bottom - line.top
    chars: list[tuple[str, tuple[float, float, float, float], float]] = []  # (character, box, confidence)
    previous: _Piece | None = None
    for piece in pieces:
        if previous is not None and piece.x0 - previous.x1 > SPACE_GAP * height:
            # A space between boxes the detector split, with the gap as its box (as in the text-layer parser).
            gap_left = max(float(x) for x, _ in previous.quad)
            gap_right = max(gap_left, min(float(x) for x, _ in piece.quad))
            chars.append((" ", (gap_left, top, gap_right, bottom), -1.0))
        p0, p1, p2, p3 = piece.quad[0], piece.quad[1], piece.quad[2], piece.quad[3]
        for ch, (left, right), confidence in zip(piece.text, piece.spans, piece.confidences, strict=True):
            corners = (p0 + (p1 - p0) * left, p0 + (p1 - p0) * right, p3 + (p2 - p3) * left, p3 + (p2 - p3) * right)
            xs = [float(c[0]) for c in corners]
            ys = [float(c[1]) for c in corners]
            chars.append((ch, (min(xs), min(ys), max(xs), max(ys)), confidence))
        previous = piece
    # No space at either end, none doubled (the recogniser reads wide gaps as spaces too).
    kept = [
        item
        for index, item in enumerate(chars)
        if item[0] != " " or (0 < index < len(chars) - 1 and chars[index - 1][0] != " ")
    ]
    while kept and kept[-1][0] == " ":
        kept.pop()
    read = [confidence for ch, _, confidence in kept if ch != " "]
    x0 = min(float(x) for p in pieces for x, _ in p.quad)
    x1 = max(float(x) for p in pieces for x, _ in p.quad)
    return OcrLine(
        text="".join(ch for ch, _, _ in kept),
        bbox=_clamp((x0, top, x1, bottom), scale, page_width, page_height),
        char_boxes=[_clamp(box, scale, page_width, page_height) for _, box, _ in kept],
        confidence=round(sum(read) / len(read), 4) if read else 0.0,
    )


def _erase_red(image: np.ndarray, grey: np.ndarray) -> np.ndarray:
    """The red channel with red-ink pixels set to the paper's level. In the red channel a seal's ring and text
    are still light grey strokes, and where they cross a character (a 落款 date under the seal) the recogniser can
    drop it ("二十三日" read "二十日"). Black text under the seal is dark in every channel, so it is not red and
    stays."""
    import numpy as np

    red = image[:, :, 2].astype(np.int16)
    mask = (red - np.maximum(image[:, :, 1], image[:, :, 0]).astype(np.int16)) > SEAL_RED_MARGIN
    if not mask.any():
        return grey
    paper = int(np.median(grey))
    # Only light red: JPEG bleeds the seal's colour into black strokes crossing it, which must stay dark.
    mask &= red > ERASE_LIGHT * paper
    out = grey.copy()
    out[mask] = paper
    return out


ERASE_LIGHT = 0.75  # a red pixel is erased only where its red channel is above this share of the paper's level
SEAL_MIN_SIZE = 0.3  # inches: a red blob narrower or lower than this is a tick or a red pen stroke, not a seal
SEAL_RED_MARGIN = 60  # red channel above both green and blue by this much: red ink


def find_seals(image: np.ndarray, scale: float = 1.0) -> list[BBox]:
    """Boxes of the red seals (红章) on a BGR page image, by colour segmentation: red-ink pixels are closed into
    blobs and a blob about as wide as it is high, at least SEAL_MIN_SIZE across, is a seal. ``scale`` as in
    ``OcrEngine.ocr_image`` (points per pixel)."""
    import cv2
    import numpy as np

    blue, green, red = (image[:, :, i].astype(np.int16) for i in range(3))
    mask = ((red - np.maximum(green, blue)) > SEAL_RED_MARGIN).astype(np.uint8)
    if not mask.any():
        return []
    # The ring and its text are thin strokes: closing over a few pixels makes one blob of a seal.
    dpi = 72.0 / scale if scale else 72.0
    size = max(3, round(dpi / 25))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((size, size), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    blobs = [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:count]]
    # A seal's ring, star and curved text can stay separate blobs: overlapping ones are one seal.
    merged = True
    while merged:
        merged = False
        for i in range(len(blobs)):
            for j in range(i + 1, len(blobs)):
                a, b = blobs[i], blobs[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    blobs[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del blobs[j]
                    merged = True
                    break
            if merged:
                break
    seals: list[BBox] = []
    minimum = SEAL_MIN_SIZE * dpi
    for x0, y0, x1, y1 in sorted(blobs, key=lambda b: (b[1], b[0])):
        w, h = x1 - x0, y1 - y0
        if w >= minimum and h >= minimum and 0.6 <= w / h <= 1.6:
            seals.append((round(x0 * scale, 2), round(y0 * scale, 2), round(x1 * scale, 2), round(y1 * scale, 2)))
    return seals


_ENGINE: OcrEngine | None = None
_ENGINE_LOCK = threading.Lock()


def get_engine() -> OcrEngine:
    """The process's OCR engine with the ``TUNED`` settings, loaded on first use (about 0.3 s)."""
    global _ENGINE
    if _ENGINE is None:
        with _ENGINE_LOCK:
            if _ENGINE is None:
                _ENGINE = OcrEngine(TUNED)
    return _ENGINE


def ocr_pdf_pages(
    data: bytes, page_indexes: list[int], dpi: int = 150, *, engine: OcrEngine | None = None
) -> dict[int, OcrPage]:
    """OCR the given pages (0-based indexes) of a PDF: {page index: OcrPage}, coordinates in PDF points from the
    top-left corner of the page as displayed.

    ``engine`` defaults to ``get_engine()``, loaded on first use. Raises ``OcrUnavailableError`` when the OCR
    packages are missing, ``ParseError`` when PDFium cannot read the file and ``IndexError`` for a page the PDF
    does not have. Takes ``pdf_parser``'s PDFium lock while opening the file and rendering each page (never while
    the models run): do not call it while holding that lock.
    """
    import pypdfium2 as pdfium

    # Imported here because pdf_parser imports this module. PDFium is not thread-safe.
    from nlp.parsers.marks import signature_marks
    from nlp.parsers.pdf_parser import _PDFIUM_LOCK

    engine = engine or get_engine()
    scale = dpi / 72.0
    result: dict[int, OcrPage] = {}
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            raise ParseError("PDF文件已损坏，无法读取") from None
    try:
        for page_index in dict.fromkeys(page_indexes):
            with _PDFIUM_LOCK:
                if not 0 <= page_index < len(pdf):
                    raise IndexError(f"page index {page_index} out of range: the PDF has {len(pdf)} pages")
                try:
                    page = pdf[page_index]
                    try:
                        bitmap = page.render(scale=scale)  # BGR, /Rotate and crop box applied
                        image = bitmap.to_numpy().copy()  # the bitmap's buffer goes with it
                        bitmap.close()
                    finally:
                        page.close()
                except pdfium.PdfiumError:
                    raise ParseError("PDF文件已损坏，部分页面无法读取") from None
            page_result = engine.ocr_image(image, 1.0 / scale)
            page_result.signatures.extend(signature_marks(image, 1.0 / scale, page_result.lines))
            result[page_index] = page_result
    finally:
        with _PDFIUM_LOCK:
            pdf.close()
    return result
