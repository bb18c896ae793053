"""Offices in the JSON API."""

from ninja import Router, Schema

from mejabantu.offices.selectors import office_get

router = Router(tags=["offices"])


class OfficeOut(Schema):
    code: str
    name: str
    level: str
    timezone: str
    timezone_label: str
    parent: str | None


@router.get("/{code}", response=OfficeOut, auth=None, url_name="office_detail")
def office_detail(request, code: str):
    office = office_get(code=code)
    return {
        "code": office.code,
        "name": office.name,
        "level": office.level,
        "timezone": office.timezone,
        "timezone_label": office.timezone_label,
        "parent": office.parent.code if office.parent else None,
    }
