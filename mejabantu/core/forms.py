"""Form pieces shared by the apps."""

from typing import Any

from django import forms

from mejabantu.core.uploads import ALLOWED, check_uploads

ACCEPT = ",".join(ending for _mime, endings in ALLOWED.values() for ending in endings)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input. With ``check`` their content is checked here (each refused
    file named, core.uploads); without it the service that saves them checks."""

    def __init__(self, *args: Any, check: bool = False, **kwargs: Any) -> None:
        self.check = check
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        field = super()  # taken here: a comprehension has a scope of its own
        files = [field.clean(f, initial) for f in files if f]  # type: ignore[attr-defined]
        if self.check:
            check_uploads(files)
        return files
