import HoshinModel
import HoshinText

/// The report's styles for a page people print for the wall (issue 18): A4 with page
/// numbers in the bottom margin, headings kept with what follows them, small blocks never
/// split, one column grid for every indicator table, notes with their line breaks, and
/// heading sizes that follow the organisation (a unit is never smaller than its goals).
///
/// Page numbers are CSS page-margin boxes (`@page { @bottom-right { … } }`), which
/// Chromium prints from version 131 on; print with `--no-pdf-header-footer` so that its
/// own header and footer (date, file path) are left out. Browsers without margin boxes
/// print the page without numbers.
enum PrintStyles {
    /// The styles; `title` is printed in the bottom-left margin of every page, `page` ("Sida")
    /// before its number in the bottom-right one. The report and the review pack share them.
    static func css(page: String, title: String = "") -> String {
        """

        h2.unit-title { font-size: 22px; } h3.unit-title { font-size: 19px; } h4.unit-title { font-size: 17px; }
        h5.unit-title, h6.unit-title { font-size: 16px; }
        article.goal .goal-title { font-size: 15px; } article.goal .sf-title { font-size: 13px; margin: 8px 0 2px; }
        table.indicators { table-layout: fixed; }
        table.indicators col.i-badge { width: 2.4em; } table.indicators col.i-latest { width: 9.5em; }
        table.indicators col.i-target { width: 7.5em; } table.indicators col.i-spark { width: 176px; }
        table.indicators td { overflow-wrap: anywhere; }
        ul.activities small, .assessment .note { white-space: pre-line; }
        nav.overview h2 { font-size: 18px; margin: 16px 0 4px; }
        table.overview { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.overview col.o-score { width: 6em; } table.overview col.o-count { width: 5.5em; }
        table.overview th { text-align: left; font-weight: 600; color: #4a5563; border-bottom: 1px solid #d5dae1; padding: 2px 6px; }
        table.overview th.num { text-align: right; }
        table.overview td { border-bottom: 1px solid #eef0f3; padding: 2px 6px; }
        table.overview a { color: inherit; }
        @page { size: A4; margin: 14mm 13mm 16mm;
          @bottom-left { content: "\(cssString(title))"; font: 9px system-ui, sans-serif; color: #4a5563; }
          @bottom-right { content: "\(cssString(page)) " counter(page) " / " counter(pages); font: 9px system-ui, sans-serif; color: #4a5563; } }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h1, h2, h3, h4, h5, h6, p.owner, p.figures, p.assessment { break-after: avoid; page-break-after: avoid; }
          tr, li, p, svg.chart, table.overview tr { break-inside: avoid; page-break-inside: avoid; }
          table.indicators thead, table.overview thead { display: table-header-group; }
          nav.overview { break-after: page; }
          a { color: inherit; text-decoration: none; }
          section.unit { border-left-width: 3px; padding-left: 10px; }
        }

        """
    }

    /// Text for a CSS string inside `<style>`: quotes and backslashes escaped, `<` and `>`
    /// as CSS escapes (so no text can close the style element), control characters as spaces.
    static func cssString(_ text: String) -> String { Escape.cssString(text) }
}

/// The start of every Hoshin page: doctype, language, character set, viewport, title and the
/// one inline stylesheet, up to and including `</head>`.
public enum HTMLHead {
    /// The head of a page in `language` titled `title` with the styles `css`.
    public static func render(language: ReportLanguage, title: String, css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(css)</style>
        </head>

        """
    }
}
