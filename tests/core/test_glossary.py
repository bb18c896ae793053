"""docs/glossary.md names every model of the Mejabantu apps (STYLE.md: names and language)."""

from pathlib import Path

from django.apps import apps

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


def test_glossary_names_every_concrete_model():
    text = GLOSSARY.read_text(encoding="utf-8")
    models = [
        model.__name__
        for config in apps.get_app_configs()
        if config.name.startswith("mejabantu.")
        for model in config.get_models()
    ]
    assert models, "no Mejabantu models found"
    missing = sorted({name for name in models if f"`{name}`" not in text})
    assert missing == [], f"add these models to docs/glossary.md: {missing}"
