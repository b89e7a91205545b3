import Foundation
import Hummingbird
import Logging
import HoshinModel
import HoshinRepository
import HoshinRender
import HoshinRollup

/// `hoshin serve` (spec §11): the status pages, the reporting forms and the JSON API
/// over a plan repository on disk, on Hummingbird 2.
public struct HoshinServer: Sendable {
    /// What the command line asked for.
    public let configuration: ServerConfiguration
    /// Today's date (fixed in tests).
    public let clock: ServerClock
    /// Where the one-line write log goes (stderr by default).
    public let log: @Sendable (String) -> Void
    /// The review pack (§12) of a unit at an as-of date, as `hoshin review --format html`
    /// writes it; nil when it cannot be assembled (the page then answers 404).
    public var reviewPage: (@Sendable (PlanRepository, String, PlanDate) -> String?)? = { repository, unit, date in
        guard let pack = try? ReviewPack.assemble(repository: repository, unit: unit, asOf: date) else { return nil }
        return ReviewHTMLRenderer().render(pack)
    }

    /// Creates a server; call `run` to start it.
    public init(configuration: ServerConfiguration, clock: ServerClock = ServerClock(),
                log: @escaping @Sendable (String) -> Void = { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }) {
        self.configuration = configuration
        self.clock = clock
        self.log = log
    }

    /// Builds the router: every page and API route behind the safety middleware.
    func router() -> Router<ServerContext> {
        let git: GitRecorder? = configuration.git == .off ? nil
            : GitRecorder(folder: configuration.folder, mode: configuration.git, remote: configuration.remote)
        let parsedFiles = ParsedFileCache()
        let app = ServerApp(configuration: configuration, clock: clock,
                            cache: RepositoryCache(folder: configuration.folder, clock: clock, language: configuration.language,
                                                   parsedFiles: parsedFiles),
                            writes: WriteService(folder: configuration.folder, git: git, parsedFiles: parsedFiles, log: log),
                            git: git, reviewPage: reviewPage)
        let router = Router(context: ServerContext.self)
        router.add(middleware: SafetyMiddleware())
        router.get("/") { request, context in try await app.guarded(request, context) { try app.overview($0, $1) } }
        router.get("/units/:id") { request, context in try await app.guarded(request, context) { try app.unitPage($0, $1, context) } }
        router.get("/units/:id/report") { request, context in
            try await app.guarded(request, context) { try app.reportForm($0, $1, context) }
        }
        router.post("/units/:id/report") { request, context in
            try await app.guarded(request, context) { request, identity in try await app.submitForm(request, identity, context) }
        }
        router.get("/units/:id/review") { request, context in
            try await app.guarded(request, context) { try app.reviewPack($0, $1, context) }
        }
        router.get("/api/status") { request, context in try await app.guarded(request, context) { try app.apiStatus($0, $1) } }
        router.get("/api/validate") { request, context in try await app.guarded(request, context) { try app.apiValidate($0, $1) } }
        router.post("/api/report") { request, context in
            try await app.guarded(request, context) { request, identity in try await app.apiReport(request, identity) }
        }
        router.post("/api/measure") { request, context in
            try await app.guarded(request, context) { request, identity in try await app.apiMeasure(request, identity) }
        }
        return router
    }

    /// Runs until cancelled (or SIGINT/SIGTERM when `signals` is true); `onStarted` gets the bound port.
    public func run(signals: Bool = true, onStarted: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try configuration.validate()
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onStarted(channel.localAddress?.port ?? 0) },
            logger: {
                var logger = Logger(label: "hoshin-serve")
                logger.logLevel = signals ? .warning : .critical
                return logger
            }()
        )
        if signals {
            try await application.runService()
        } else {
            try await application.run()
        }
    }
}
