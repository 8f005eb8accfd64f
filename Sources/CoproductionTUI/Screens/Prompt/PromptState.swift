import Coproduction

/// A question in front of the screen that needs an answer: the reason for a cancellation,
/// or yes/no before deleting.
public struct PromptState: Hashable, Sendable {
    /// What it is for.
    public enum Purpose: Hashable, Sendable {
        /// Cancel a meeting (at the version read); the text is the reason.
        case cancelMeeting(id: Int64, version: Int)
        /// Delete a meeting (at the version read); answered y or n.
        case deleteMeeting(id: Int64, version: Int)
        /// Sign a child out; the text is who collected them.
        case signOut(bookingID: Int64, child: String)
        /// Sign a child out collected by someone not on their list; the text is why.
        case signOutReason(bookingID: Int64, child: String, collectedBy: String)
        /// The age of someone not on the list who is collecting; the text is their age.
        case signOutAge(bookingID: Int64, child: String, collectedBy: String, reason: String)
        /// Approve the last meeting's minutes at this one; answered y or n.
        case approveMinutes(meetingID: Int64)
        /// What to record about who may collect a child (a menu).
        case collection(childID: Int64, child: String)
        /// The collection password a named collector gives; the text is what they say (never shown).
        case signOutPassword(bookingID: Int64, child: String, collectedBy: String)
        /// Book a child into a session; the text is the child's name.
        case bookChild(meetingID: Int64)
        /// Log an idea for an area; the text is the idea.
        case addIdea(areaID: Int64)
        /// Choose the idea to move, picked by its words.
        case chooseIdea(areaID: Int64)
        /// Move a chosen idea to its next step, or close it (a menu of the two).
        case ideaNext(ideaID: Int64, next: IdeaStatus)
        /// How parents were told about an idea, by the champion who told them (a menu).
        case ideaChannel(ideaID: Int64, championID: Int64)
        /// What the next step needs: an outcome, who fed back and how, or why it is closed.
        case ideaStep(ideaID: Int64, to: IdeaStatus)
        /// Put someone from the register of crèche staff on a session's rota, picked by name.
        case addToRota(meetingID: Int64)
        /// Send a material's current version to parents; answered y or n.
        case sendMaterial(id: Int64)
        /// Mark a champion's apologies for a meeting (office staff); the answer names them.
        case markApologies(meetingID: Int64)
        /// Cancel a family's crèche places after their apologies; answered y or n.
        case cancelPlaces(bookingIDs: [Int64], meetingID: Int64)
    }
    /// What it is for.
    public var purpose: Purpose
    /// The question, saying what will happen.
    public var question: String
    /// The text typed (the reason).
    public var text = ""
    /// A problem with the answer.
    public var error = ""
    /// The cursor in the answer.
    public var caret = Caret()
    /// Names read for the answer's picker.
    public var choices: [PickSource: [Choice]] = [:]
    /// Answers offered as they are (who may collect a child, the next step of an idea).
    public var offered: [Choice] = []
    /// The suggestion chosen under the answer.
    public var highlight = 0

    /// Creates a prompt.
    public init(purpose: Purpose, question: String, offered: [Choice] = []) {
        self.purpose = purpose
        self.question = question
        self.offered = offered
    }

    /// Where the answer's names come from, for questions answered by naming a record.
    public var wantedChoices: [PickSource] {
        switch purpose {
        case .bookChild(let meeting): return [.children(meetingID: meeting)]
        case .chooseIdea(let area): return [.ideas(areaID: area)]
        case .ideaStep(_, .fedBack): return [.champions]
        case .addToRota: return [.staffMembers]
        default: return []
        }
    }

    /// The picker for the answer, if the answer names someone or something.
    public var picker: Picker? {
        switch purpose {
        case .bookChild, .chooseIdea, .ideaStep(_, .fedBack), .addToRota: return wantedChoices.first.map { Picker(choices[$0] ?? []) }
        case .signOut: return Picker(offered, allowsNew: true, menu: true)
        case .markApologies: return Picker(offered)
        case .ideaNext, .ideaChannel, .collection: return Picker(offered, menu: true)
        default: return nil
        }
    }

    /// The suggestions under the answer for what has been typed.
    var suggestions: [Choice] { picker?.suggestions(for: text, caret: caret) ?? [] }

    /// The prompt's title and the hint for its keys.
    public var titleAndHint: (String, String) {
        switch purpose {
        case .cancelMeeting: return ("Cancel a meeting", "Enter cancels the meeting  Esc keeps it")
        case .deleteMeeting: return ("Delete a meeting", "y deletes  n or Esc keeps it")
        case .signOut: return ("Sign out", "↑↓ choose or type a name  Enter signs out  Esc stops")
        case .signOutReason: return ("Not on the list", "Enter records the reason  Esc stops")
        case .signOutAge: return ("Not on the list: their age", "Enter signs out  Esc stops")
        case .signOutPassword: return ("Collection password", "Type what they say  Enter checks it  Esc stops")
        case .collection: return ("Who may collect", "↑↓ choose  Enter takes  Esc stops")
        case .approveMinutes: return ("Approve the minutes", "y approves them  n or Esc keeps them a draft")
        case .bookChild: return ("Book a child", "Type part of a name  ↑↓ choose  Enter books  Esc stops")
        case .addIdea: return ("A parent's idea", "Enter logs it  Esc stops")
        case .chooseIdea: return ("Move an idea along", "Type part of it  ↑↓ choose  Enter takes  Esc stops")
        case .ideaNext: return ("Move an idea along", "↑↓ choose  Enter takes  Esc stops")
        case .ideaChannel: return ("Told to parents", "↑↓ choose  Enter takes  Esc stops")
        case .ideaStep: return ("Move an idea along", "Enter saves  Esc stops")
        case .addToRota: return ("Crèche staff for this session", "Type part of a name  ↑↓ choose  Enter adds  Esc stops")
        case .sendMaterial: return ("Send to parents", "y sends it  n or Esc keeps it a draft")
        case .markApologies: return ("Apologies", "Type part of a name  ↑↓ choose  Enter marks them  Esc stops")
        case .cancelPlaces: return ("Crèche places", "y cancels them  n or Esc keeps them")
        }
    }

    /// Whether the answer is a secret, shown as dots (a collection password).
    public var secret: Bool {
        if case .signOutPassword = purpose { return true }
        return false
    }

    /// Whether it wants text (a reason, a name) rather than y or n.
    public var wantsText: Bool {
        switch purpose {
        case .deleteMeeting, .sendMaterial, .cancelPlaces, .approveMinutes: return false
        default: return true
        }
    }
}

extension PromptState {
    /// Applies an edit to the answer where its cursor is (the answer starts empty, so
    /// nothing is selected).
    mutating func edit(_ edit: LineEditor.Edit) {
        LineEditor.apply(edit, to: &text, caret: &caret)
        highlight = 0
    }

    /// Takes the highlighted suggestion as the answer. Returns whether one was taken.
    mutating func takeSuggestion() -> Bool {
        let offered = suggestions
        guard let picker, !offered.isEmpty else { return false }
        (text, caret) = picker.take(offered[min(highlight, offered.count - 1)], in: text, caret: caret)
        highlight = 0
        return true
    }
}
