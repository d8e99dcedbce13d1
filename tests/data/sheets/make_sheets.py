#!/usr/bin/python3
"""Makes the spreadsheet fixtures of tests/service/io (committed; the tests
read the files and need neither openpyxl nor LibreOffice).

  openpyxl.xlsx        openpyxl: a title row merged over A1:E1, a blank row,
                       Finnish headers on row 3, a date, a boolean, an id with
                       a no-break space, a second sheet "Ohjeet"
  libreoffice.ods      LibreOffice's .ods of openpyxl.xlsx
  libreoffice.xlsx     LibreOffice's .xlsx of libreoffice.ods
  excel-structure.xlsx written part by part as Excel writes a workbook:
                       sharedStrings (a rich-text run, a phonetic run),
                       styles (a custom date format), a date serial, an
                       inline string, a merged header, cells skipped by r=
  damaged-*.xlsx/.ods  for the robustness tests: truncated, no
                       sharedStrings, a shared string index out of range,
                       huge repeat counts, a zip bomb

Run from this folder: /usr/bin/python3 make_sheets.py
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl


def openpyxl_book():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Osallistujat"
    sheet["A1"] = "Kevään 2025 mentorointi"
    sheet.merge_cells("A1:E1")
    header = ["Tunnus", "Nimi", "Rooli", "Kapasiteetti", "GOAL.Johtaminen",
              "competence.johtaminen", "Sähköposti", "attr.aloitus",
              "attr.jatkaa", "Toiveet"]
    for column, text in enumerate(header, start=1):
        sheet.cell(row=3, column=column, value=text)
    rows = [
        ["m1", "Maija", "Mentori", 2, None, 4.5, "m@example.org",
         datetime.date(2025, 1, 15), True, None],
        ["a1\u00a0", "Antti", " aktori ", None, 3, None, None, None, False,
         "m1\u202f"],
        ["a2", "Åsa", "adepti", None, 2, 1, None, None, None, None],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    sheet["H4"].number_format = "d.m.yyyy"
    notes = book.create_sheet("Ohjeet")
    notes["A1"] = "Täytä yksi rivi kutakin osallistujaa kohden"
    book.save("openpyxl.xlsx")


def libreoffice(source, target_ext, out):
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["libreoffice", "--headless", "--convert-to",
                        target_ext, "--outdir", work, source],
                       check=True, capture_output=True)
        produced = os.path.join(
            work, os.path.splitext(os.path.basename(source))[0] + "." +
            target_ext)
        shutil.move(produced, out)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="166925"/><sheets><sheet name="Cohort" sheetId="1" r:id="rId1"/><sheet name="Lisät" sheetId="2" r:id="rId2"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\.m\\.yyyy;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"""
# Strings 0..10; 5 is rich text in two runs, 6 has a phonetic run, 10 ends
# in a no-break space.
SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="11" uniqueCount="11"><si><t>id</t></si><si><t>Namn</t></si><si><t>Roll</t></si><si><t>capacity</t></si><si><t>goal.ledarskap</t></si><si><r><t>Maija </t></r><r><rPr><b/></rPr><t>Mäki</t></r></si><si><t>mentor</t><rPh sb="0" eb="1"><t>X</t></rPh></si><si><t xml:space="preserve"> handledare </t></si><si><t>attr.start</t></si><si><t>Kommun</t></si><si><t>a1 </t></si></sst>"""
SHEET1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:H3"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"/><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" t="s"><v>4</v></c><c r="G1" t="s"><v>8</v></c><c r="H1" t="s"><v>9</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>m1</t></is></c><c r="B2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" s="2"><v>2.0</v></c><c r="G2" s="1"><v>45658</v></c><c r="H2" t="inlineStr"><is><r><t>Vaa</t></r><r><t>sa</t></r></is></c></row>
<row r="3"><c r="A3" t="s"><v>10</v></c><c r="D3" t="s"><v>7</v></c><c r="F3"><v>3.5</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells></worksheet>"""
SHEET2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x1</t></is></c></row></sheetData></worksheet>"""


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def excel_parts(shared=SHARED, sheet1=SHEET1):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/worksheets/sheet2.xml": SHEET2,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    return parts


ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""


def ods(path, table_body):
    content = ("""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Taulukko1">"""
               + table_body +
               "</table:table></office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype",
                         "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST,
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content,
                         compress_type=zipfile.ZIP_DEFLATED)


def main():
    openpyxl_book()
    libreoffice(os.path.abspath("openpyxl.xlsx"), "ods", "libreoffice.ods")
    libreoffice(os.path.abspath("libreoffice.ods"), "xlsx",
                "libreoffice.xlsx")
    write_zip("excel-structure.xlsx", excel_parts())

    with open("excel-structure.xlsx", "rb") as whole:
        data = whole.read()
    with open("damaged-truncated.xlsx", "wb") as half:
        half.write(data[:len(data) // 2])
    write_zip("damaged-no-shared-strings.xlsx", excel_parts(shared=None))
    write_zip("damaged-shared-index.xlsx", excel_parts(
        sheet1=SHEET1.replace('<c r="A3" t="s"><v>10</v></c>',
                              '<c r="A3" t="s"><v>99</v></c>')))
    # An empty cell repeated over every column and an empty row over every
    # row; then a non-empty row repeated more often than a sheet may hold.
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    ods("damaged-huge-repeats.ods",
        '<table:table-row>' + cell.format("id") + cell.format("goal.x") +
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1000000">' + cell.format("p") +
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>')
    # Repeats as LibreOffice writes them, small enough to read.
    ods("repeats.ods",
        '<table:table-row>' + cell.format("Tunnus") +
        '<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell>'
        + cell.format("Kommun") +
        '<table:table-cell table:number-columns-repeated="16380"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="2">' + cell.format("p") +
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell office:value-type="string"><text:p>Vaa<text:s text:c="2"/>sa</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="16380"/></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="date" office:date-value="2025-01-15"><text:p>15.1.2025</text:p></table:table-cell></table:table-row>')
    # A sheet part that unpacks to more than 64 MiB (a zip bomb).
    bomb = excel_parts(sheet1=SHEET1.replace(
        "<sheetData>", "<sheetData>" + " " * (65 << 20)))
    write_zip("damaged-zip-bomb.xlsx", bomb)


if __name__ == "__main__":
    main()
