"""What pyproject.toml cannot say: the package list.

``reviewer_app.resources`` lives in the repository's top ``resources/`` folder (pyproject.toml's
``[tool.setuptools.package-dir]``), and setuptools' automatic search only finds packages inside
their parent's folder, so it is added to the packages found under ``reviewer_app/`` here.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["reviewer_app*"]), "reviewer_app.resources"])
