import Foundation

/// What a piece of marketing is.
public enum MaterialKind: String, CaseIterable, Hashable, Sendable, Codable {
    case leaflet, poster, socialPost = "social-post", webPage = "web-page"

    /// The plain words.
    public var name: String {
        switch self {
        case .leaflet: return "leaflet"
        case .poster: return "poster"
        case .socialPost: return "social post"
        case .webPage: return "web page"
        }
    }
}

/// Where a material is: draft → with parents → changes requested → parent approved.
public enum MaterialStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case draft
    case withParents = "with-parents"
    case changesRequested = "changes-requested"
    case parentApproved = "parent-approved"

    /// The plain words.
    public var name: String {
        switch self {
        case .draft: return "draft"
        case .withParents: return "with parents"
        case .changesRequested: return "changes requested"
        case .parentApproved: return "parent approved"
        }
    }
}

/// A parent's answer on one version of a material.
public enum Verdict: String, CaseIterable, Hashable, Sendable, Codable {
    /// Approve it as it is.
    case approve
    /// Ask for changes, with a comment.
    case changes
}

/// A leaflet, poster, social post or web page that parents see before it is used.
public struct Material: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// Its title.
    public var title: String
    /// What it is.
    public var kind: MaterialKind
    /// The service it is for.
    public var service: String
    /// Its text, or a summary of it.
    public var text: String
    /// Its version, from 1; a new version clears the parents' answers.
    public var version: Int = 1
    /// Whether it has been sent to parents (this version).
    public var sentToParents = false
    /// The Parent Champion who put it forward, when a parent did (they cannot approve it).
    public var submittedBy: Int64?

    /// Creates a draft.
    public init(id: Int64 = 0, title: String, kind: MaterialKind, service: String, text: String, submittedBy: Int64? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.service = service
        self.text = text
        self.submittedBy = submittedBy
    }
}

/// One parent's review of one version.
public struct MaterialReview: Hashable, Sendable {
    /// The reviewing Parent Champion.
    public var championID: Int64
    /// Their area, for the quorum.
    public var areaID: Int64
    /// The version they reviewed.
    public var version: Int
    /// Their answer.
    public var verdict: Verdict
    /// What they said (needed when asking for changes).
    public var comment: String

    /// Creates a review.
    public init(championID: Int64, areaID: Int64, version: Int, verdict: Verdict, comment: String) {
        self.championID = championID
        self.areaID = areaID
        self.version = version
        self.verdict = verdict
        self.comment = comment
    }
}

/// How many parents, from how many areas, must approve before a material is parent approved.
public struct ApprovalQuorum: Hashable, Sendable {
    /// Approvals needed (default 3).
    public var approvals: Int
    /// Different areas those approvals must come from (default 2).
    public var areas: Int

    /// A quorum.
    public init(approvals: Int = 3, areas: Int = 2) {
        self.approvals = approvals
        self.areas = areas
    }

    /// The status a material has from its reviews: parent approved only with enough
    /// approvals of this version from enough areas and no open request for changes.
    public func status(of material: Material, reviews: [MaterialReview]) -> MaterialStatus {
        guard material.sentToParents else { return .draft }
        let current = reviews.filter { $0.version == material.version }
        if current.contains(where: { $0.verdict == .changes }) { return .changesRequested }
        let approving = current.filter { $0.verdict == .approve }
        if Set(approving.map(\.championID)).count >= approvals && Set(approving.map(\.areaID)).count >= areas { return .parentApproved }
        return .withParents
    }

    /// What is still needed, in words ("1 more approval, from another area"), or nil when met.
    public func shortfall(of material: Material, reviews: [MaterialReview]) -> String? {
        let approving = reviews.filter { $0.version == material.version && $0.verdict == .approve }
        let people = approvals - Set(approving.map(\.championID)).count
        let places = areas - Set(approving.map(\.areaID)).count
        if people <= 0 && places <= 0 { return nil }
        var parts: [String] = []
        if people > 0 { parts.append("\(Plural.count(people, "more approval"))") }
        if places > 0 { parts.append("parents of \(Plural.count(places, "more area"))") }
        return parts.joined(separator: ", from ")
    }
}

/// A field of a material a problem is about.
public enum MaterialField: String, Hashable, Sendable, CaseIterable {
    case title, kind, service, text, parent, verdict, comment, status
}

/// Something wrong with a material or a review, tied to its field.
public typealias MaterialProblem = FieldProblem<MaterialField>

/// The rules for materials and parents' reviews.
public enum MaterialRules {
    /// Problems with a material's fields.
    public static func problems(_ m: Material) -> [MaterialProblem] {
        var out: [MaterialProblem] = []
        if m.title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(MaterialProblem(.title, "give the material a title.")) }
        else if m.title.count > TextLimits.title { out.append(MaterialProblem(.title, "longer than \(TextLimits.title) characters; shorten it.")) }
        if m.service.trimmingCharacters(in: .whitespaces).isEmpty { out.append(MaterialProblem(.service, "say which service it is for.")) }
        if m.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(MaterialProblem(.text, "paste its text, or a summary parents can judge it by."))
        } else if m.text.count > TextLimits.material {
            out.append(MaterialProblem(.text, "longer than \(TextLimits.material) characters; give a summary."))
        }
        return out
    }

    /// Problems with a parent's review of the current version.
    public static func reviewProblems(_ m: Material, by championID: Int64, verdict: Verdict, comment: String,
                                      existing: [MaterialReview]) -> [MaterialProblem] {
        var out: [MaterialProblem] = []
        if !m.sentToParents {
            out.append(MaterialProblem(.status, "it is a draft: send it to parents first (m)."))
            return out
        }
        if m.submittedBy == championID {
            out.append(MaterialProblem(.parent, "a parent cannot review a material they put forward themselves."))
        }
        if existing.contains(where: { $0.championID == championID && $0.version == m.version }) {
            out.append(MaterialProblem(.parent, "this parent has already answered on version \(m.version); one answer each."))
        }
        if verdict == .changes && comment.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(MaterialProblem(.comment, "say what should change."))
        }
        return out
    }
}
