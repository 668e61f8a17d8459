"""The desk's data files: icons, translations (.ts sources, compiled .qm) and the CJK font.

They live at the top of the repository (the design card's ``resources/``) and are installed as the
package ``reviewer_app.resources`` (pyproject.toml maps the name to this folder), so
``importlib.resources`` finds them in a wheel, an editable install and the PyInstaller bundle alike.
Read them through :mod:`reviewer_app.assets`, never by a path of your own.
"""
