import Foundation
import HTTPTypes
import Hummingbird
import HoshinModel
import HoshinRender
import HoshinReporters
import HoshinRepository
import HoshinRollup
import HoshinText

/// Why a request stops before its handler's work: answered with this response.
struct EarlyAnswer: Error {
    let response: Response
}

/// The handlers, sharing the repository cache, the write queue and the configuration.
struct ServerApp: Sendable {
    let configuration: ServerConfiguration
    let clock: ServerClock
    let cache: RepositoryCache
    let writes: WriteService
    let git: GitRecorder?
    let reviewPage: (@Sendable (PlanRepository, String, PlanDate) -> String?)?
    let identities: IdentityResolver

    /// The body limit of spec §11.
    static let bodyLimit = 1 << 20

    init(configuration: ServerConfiguration, clock: ServerClock, cache: RepositoryCache, writes: WriteService,
         git: GitRecorder?, reviewPage: (@Sendable (PlanRepository, String, PlanDate) -> String?)?) {
        self.configuration = configuration
        self.clock = clock
        self.cache = cache
        self.writes = writes
        self.git = git
        self.reviewPage = reviewPage
        self.identities = IdentityResolver(configuration: configuration)
    }

    // MARK: Gate

    /// Identity first (401 without one under `--auth header`), then the handler;
    /// an `EarlyAnswer` thrown anywhere becomes its response.
    func guarded(_ request: Request, _ context: ServerContext,
                 _ handler: (Request, Identity) async throws -> Response) async throws -> Response {
        let headerName = HTTPField.Name(configuration.authHeader)
        let value = headerName.flatMap { request.headers[$0] }
        guard let identity = identities.identity(headerValue: value, remoteAddress: context.remoteIP) else {
            let api = request.uri.path.hasPrefix("/api/")
            return api ? Responses.error(.unauthorized, "no identity: sign in through the organisation's proxy")
                : Responses.html(.unauthorized, Page.message(words: words(nil), title: "401", text: words(nil).unauthenticated))
        }
        do {
            return try await handler(request, identity)
        } catch let answer as EarlyAnswer {
            return answer.response
        }
    }

    /// The repository now; 500 with the problems when `hoshin.yaml` cannot be read.
    func snapshot() throws -> (RepositoryCache.Snapshot, PlanRepository) {
        let snapshot: RepositoryCache.Snapshot
        do {
            snapshot = try cache.current()
        } catch {
            throw EarlyAnswer(response: Responses.error(.internalServerError, "the plan repository cannot be read: \(error)"))
        }
        guard let repository = snapshot.result.repository else {
            let problems = snapshot.result.diagnostics.filter { $0.severity == .error }
                .map { Responses.diagnostic(localized($0, nil)) }
            throw EarlyAnswer(response: Responses.json(.internalServerError, .object(["problems": .array(problems)])))
        }
        return (snapshot, repository)
    }

    /// The language of pages and messages: the repository's as the cache localized it
    /// (`--lang` and `HOSHIN_LANG` already applied), else the override, else Swedish.
    func language(_ repository: PlanRepository?) -> Language {
        repository?.settings.language ?? configuration.language ?? .sv
    }

    func words(_ repository: PlanRepository?) -> ServerWords {
        ServerWords.forLanguage(language(repository))
    }

    /// A diagnostic or message from the update path (written in English) in the server's language.
    func localized(_ diagnostic: Diagnostic, _ repository: PlanRepository?) -> Diagnostic {
        diagnostic.localized(language(repository))
    }

    func localized(_ message: String, _ repository: PlanRepository?) -> String {
        Catalogue.translate(message, to: language(repository))
    }

    /// The `as-of` query parameter, or today; a bad date is 400.
    func asOf(_ request: Request, api: Bool) throws -> PlanDate {
        guard let text = request.uri.queryParameters["as-of"].map(String.init), !text.isEmpty else { return clock.today }
        guard let date = PlanDate(text) else {
            throw EarlyAnswer(response: api ? Responses.error(.badRequest, "as-of must be a date YYYY-MM-DD, not '\(text)'")
                              : Responses.html(.badRequest, Page.message(words: words(nil), title: "400", text: words(nil).badRequest)))
        }
        return date
    }

    /// An `Origin` header, when present, must name this server (scheme aside): else 403.
    func checkOrigin(_ request: Request, api: Bool, words: ServerWords) throws {
        guard let origin = request.headers[.origin] else { return }
        let authority = request.head.authority ?? ""
        let host = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
        guard origin.hasPrefix("http://") || origin.hasPrefix("https://"), let host, !authority.isEmpty,
              host.lowercased() == authority.lowercased() else {
            throw EarlyAnswer(response: api ? Responses.error(.forbidden, "cross-origin request refused (Origin: \(origin))")
                              : Responses.html(.forbidden, Page.message(words: words, title: "403", text: words.badOrigin)))
        }
    }

    /// The body, at most 1 MiB (413 beyond).
    func body(_ request: Request, api: Bool) async throws -> [UInt8] {
        let tooLarge = api ? Responses.error(.contentTooLarge, "the body is larger than 1 MiB")
            : Responses.html(.contentTooLarge, Page.message(words: words(nil), title: "413", text: words(nil).tooLarge))
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.bodyLimit {
            throw EarlyAnswer(response: tooLarge)
        }
        do {
            let buffer = try await request.body.collect(upTo: Self.bodyLimit)
            return Array(buffer.readableBytesView)
        } catch {
            throw EarlyAnswer(response: tooLarge)
        }
    }

    // MARK: Pages

    /// A cached page as it is (no identity to show), else with "signed in as".
    func page(_ html: DerivedText, _ identity: Identity, _ repository: PlanRepository) -> Response {
        guard identity.email != nil else { return Responses.html(.ok, buffer: html.buffer) }
        return Responses.html(.ok, Page.withIdentity(html.text, identity, words: words(repository)))
    }

    func overview(_ request: Request, _ identity: Identity) throws -> Response {
        let (snapshot, repository) = try snapshot()
        let date = try asOf(request, api: false)
        let html = try cache.derived("page:/:\(date)", of: snapshot) {
            let tree = try RollupEngine(repository: repository, asOf: date).tree()
            return Page.overview(HTMLRenderer().render(tree), repository: repository, words: words(repository))
        }
        return page(html, identity, repository)
    }

    func unitID(_ context: ServerContext, in repository: PlanRepository, api: Bool = false) throws -> UnitPlan {
        let id = context.parameters.get("id") ?? ""
        guard let unit = repository.unitsByID[id] else {
            throw EarlyAnswer(response: api ? Responses.error(.notFound, "no unit '\(id)'")
                              : Responses.html(.notFound, Page.message(words: words(repository), title: "404", text: words(repository).noSuchUnit)))
        }
        return unit
    }

    func unitPage(_ request: Request, _ identity: Identity, _ context: ServerContext) throws -> Response {
        let (snapshot, repository) = try snapshot()
        let unit = try unitID(context, in: repository)
        let date = try asOf(request, api: false)
        let html = try cache.derived("page:unit:\(unit.id.value):\(date)", of: snapshot) {
            let tree = try RollupEngine(repository: repository, asOf: date).tree(from: unit.id.value, depth: 0)
            return Page.unit(HTMLRenderer().render(tree), unit: unit, repository: repository, words: words(repository))
        }
        return page(html, identity, repository)
    }

    func reviewPack(_ request: Request, _ identity: Identity, _ context: ServerContext) throws -> Response {
        let (_, repository) = try snapshot()
        let unit = try unitID(context, in: repository)
        let date = try asOf(request, api: false)
        if let reviewPage, let html = reviewPage(repository, unit.id.value, date) {
            return Responses.html(.ok, html)
        }
        return Responses.html(.notFound, Page.message(words: words(repository), title: "404", text: words(repository).reviewLater))
    }

    // MARK: API reads

    func apiStatus(_ request: Request, _ identity: Identity) throws -> Response {
        let (snapshot, repository) = try snapshot()
        let date = try asOf(request, api: true)
        let unit = request.uri.queryParameters["unit"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let unit, repository.unitsByID[unit] == nil {
            return Responses.error(.notFound, "no unit '\(unit)'")
        }
        let text = try cache.derived("api:status:\(unit ?? ""):\(date)", of: snapshot) {
            let tree = try RollupEngine(repository: repository, asOf: date).tree(from: unit)
            return StatusJSON.render(tree, problems: snapshot.result.diagnostics.filter { $0.severity == .error }
                .map { localized($0, repository) })
        }
        return Responses.json(.ok, buffer: text.buffer)
    }

    func apiValidate(_ request: Request, _ identity: Identity) throws -> Response {
        let snapshot: RepositoryCache.Snapshot
        do { snapshot = try cache.current() } catch {
            return Responses.error(.internalServerError, "the plan repository cannot be read: \(error)")
        }
        let text = cache.derived("api:validate", of: snapshot) {
            JSONReporter().render(snapshot.result.localized(language(snapshot.result.repository)))
        }
        return Responses.json(.ok, buffer: text.buffer)
    }
}
