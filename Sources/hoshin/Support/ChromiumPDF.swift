import Foundation

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
        return normalise([UInt8](data))
    }

    /// Replaces every `/CreationDate (D:…)` and `/ModDate (D:…)` value with a fixed
    /// date padded to the same length, keeping every byte offset of the file.
    static func normalise(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for key in ["/CreationDate", "/ModDate"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: out, from: index) {
                var start = found + pattern.count
                while start < out.count, out[start] == UInt8(ascii: " ") { start += 1 }
                guard start < out.count, out[start] == UInt8(ascii: "(") else { index = found + 1; continue }
                guard let end = out[(start + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
                let fixed = Array("D:20000101000000Z".utf8)
                for offset in (start + 1)..<end {
                    let position = offset - start - 1
                    out[offset] = position < fixed.count ? fixed[position] : UInt8(ascii: " ")
                }
                index = end
            }
        }
        return out
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
