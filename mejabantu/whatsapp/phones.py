"""Indonesian phone numbers in the one form WhatsApp uses: digits with the country code, no
plus ("6281234567890"). People write "+62 812-3456-7890", "0812 3456 7890" or "812...".
"""

import re


def normalise(raw: object) -> str:
    """Return the number as WhatsApp's digits-only international form ("" for none)."""
    digits = re.sub(r"\D", "", str(raw or ""))
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8") and 9 <= len(digits) <= 12:
        digits = "62" + digits
    return digits
