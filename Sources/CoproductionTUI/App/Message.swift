import Coproduction
import CoproductionStore

/// Everything `update` hears: input from the terminal and the clock, and the results of the
/// commands the runner carried out. A command's result always comes back as a message; the
/// runner never writes the state.
public enum Message: Hashable, Sendable {
    // MARK: Input

    /// A key press.
    case key(Key)
    /// The terminal was resized.
    case resize(Size)
    /// The clock moved on.
    case clock(LocalDateTime)
    /// Nobody pressed a key for this many minutes: lock the screen.
    case idle(minutes: Int)
    /// The screen locks in this many seconds unless a key is pressed.
    case lockCountdown(Int)
    /// The crèche worker gave their PIN: the register's notes show again.
    case notesShown
    /// Text pasted into the terminal: only ever text, never keys.
    case paste(String)
    /// A click or a turn of the wheel (when the mouse is on).
    case mouse(MouseEvent)

    // MARK: Results

    /// Someone signed in.
    case signedIn(Actor)
    /// Whether the account signed in keeps the plain mode on.
    case plainPreference(Bool)
    /// Signing in failed; the words say why (the same for every reason).
    case signInRefused(String)
    /// The settings the checks use were read again.
    case checkerRead(BarrierChecker)
    /// The settings were read again after a change: the checks' and the programme's name.
    case settingsRead(BarrierChecker, programmeName: String, autoLockMinutes: Int, alertBell: Bool)
    /// A pane's length was counted.
    case listCounted(PaneID, total: Int, more: Bool)
    /// A pane's visible rows were read.
    case meetingsRead(PaneID, Window<MeetingListItem>)
    /// The areas pane's visible rows were read.
    case areasRead(Window<AreaSummary>)
    /// What the crèche pane must show above all: incidents to follow up, children not collected.
    case crecheAlertsRead([CrecheAlert])
    /// A detail screen's data was read (nil when the record is gone).
    case detailRead(DetailTarget, DetailContent?)
    /// A detail screen may not be shown to this role: it closes with these words.
    case detailRefused(DetailTarget, String)
    /// Something was read that opens a screen: a filled-in form, or a question.
    case present(ScreenState)
    /// The screen on top is followed by another (a question whose answer leads to another).
    case followUp(ScreenState)
    /// Words for the status line (a refusal, or why nothing happened).
    case status(String)
    /// A change was saved.
    case saved(Saved)
    /// The meeting form's save was refused: problems beside their fields.
    case meetingFormProblems([MeetingForm.Field: String], message: String)
    /// The record form's save was refused: problems beside their fields.
    case recordFormProblems([RecordForm.Field: String], message: String)
    /// A step form's save was refused: problems beside their fields (by the domain's field codes), and what
    /// it warned about when Enter again would save anyway.
    case stepFormProblems([String: String], message: String, warned: String? = nil)
    /// The question's answer was refused: the words say why; the answer stays to be fixed.
    case promptProblem(String)
    /// The ready ideas were pulled onto the agenda of the meeting in the form.
    case agendaPulled(agenda: [AgendaItem], version: Int, message: String)
    /// The names the form or question on top picks from, by where they came from.
    case choicesRead([PickSource: [Choice]])
}

/// What a saved change does to the screens.
public struct Saved: Hashable, Sendable {
    /// Words for the status line.
    public var status: String
    /// How many screens close (the form or question, say).
    public var close: Int
    /// A detail screen to open after closing (the meeting just saved).
    public var open: DetailTarget?
    /// Detail screens whose record is gone (deleted): they close too.
    public var gone: [DetailTarget]
    /// What `u` takes back now.
    public var undo: UndoUpdate
    /// A child to select on the screen underneath (one just registered at the door).
    public var selectRecord: Int64?

    /// A saved change.
    public init(_ status: String, close: Int = 1, open: DetailTarget? = nil, gone: [DetailTarget] = [], undo: UndoUpdate = .keep,
                selectRecord: Int64? = nil) {
        self.status = status
        self.close = close
        self.open = open
        self.gone = gone
        self.undo = undo
        self.selectRecord = selectRecord
    }
}

/// How a save changes what `u` takes back.
public enum UndoUpdate: Hashable, Sendable {
    /// Leave it.
    case keep
    /// Nothing to undo now.
    case clear
    /// This change.
    case set(UndoChange)
}
