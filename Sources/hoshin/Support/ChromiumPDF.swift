import Foundation
import HoshinRender

/// Prints an HTML page to PDF with headless Chromium found on PATH (spec §12), and makes
/// the bytes depend only on the page: the creation and modification dates Chromium
/// writes are replaced by a fixed date of the same length, so offsets stay valid.
enum ChromiumPDF {
    /// The names tried on PATH, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first Chromium on PATH, or nil.
    static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `html`, printed on A4 with the page's own footer (page numbers).
    static func print(html: String) throws -> [UInt8] {
        guard let chromium = find() else {
            throw CommandFailure("--format pdf needs headless Chromium: no 'chromium' on PATH (install it, or use --format html and print from a browser)")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hoshin-review-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("review.html")
        let pdf = folder.appendingPathComponent("review.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--no-pdf-header-footer", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CommandFailure("could not start \(chromium): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: pdf.path), !data.isEmpty else {
            throw CommandFailure("\(chromium) did not print the pack to PDF (exit \(process.terminationStatus))")
        }
        return PDFNormaliser.normalise([UInt8](data))
    }
}
