import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from resources import resource_path

TS = resource_path("i18n", "duty_console_zh_CN.ts")


def _translated(message) -> bool:
    translation = message.find("translation")
    if translation.get("type") == "unfinished":
        return False
    if message.get("numerus") == "yes":
        forms = list(translation.iter("numerusform"))
        return bool(forms) and all(form.text and form.text.strip() for form in forms)
    return bool(translation.text and translation.text.strip())


def test_every_source_text_has_a_chinese_translation():
    unfinished = [m.find("source").text for m in ET.parse(TS).iter("message") if not _translated(m)]
    assert unfinished == []


def test_compiled_qm_matches_the_ts(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == resource_path("i18n", "duty_console_zh_CN.qm").read_bytes(), \
        "run scripts/update-translations"
