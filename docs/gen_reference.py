"""Generate the reference pages that must not drift from the code (run by mkdocs-gen-files).

- reference/cli.md from the argparse parser's own help (every command and option);
- reference/exemptions.md from the exemption catalog shipped as package data;
- reference/schema.md from the JSON Schema generator.
"""

from __future__ import annotations

import mkdocs_gen_files

from foiparse import schema
from foiparse.docgen import cli_reference, exemption_catalog_reference

with mkdocs_gen_files.open("reference/cli.md", "w") as page:
    page.write(cli_reference())

with mkdocs_gen_files.open("reference/exemptions.md", "w") as page:
    page.write(exemption_catalog_reference())

with mkdocs_gen_files.open("reference/schema.md", "w") as page:
    page.write(
        "# JSON Schema\n\n"
        "The JSON Schema (draft 2020-12) of one record as `foiparse parse` prints it and "
        "`Letter.to_dict()` returns it, generated from the record classes. Print it with "
        "`foiparse schema`; the schema of the error record printed for an input that failed "
        "is `foiparse schema --error`.\n\n"
        "```json\n" + schema.dumps(schema.letter_schema()) + "```\n"
    )
