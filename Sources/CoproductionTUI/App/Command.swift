import Coproduction
import CoproductionStore

/// Work `update` asks for: the runner carries it out (reading or writing the database) and
/// sends the result back as a ``Message``.
public enum Command: Hashable, Sendable {
    /// Clear and redraw the whole terminal (Ctrl-L): for the backend.
    case redraw
    /// Flash the screen, and ring the bell with `bell` (a register alert): for the backend.
    case alert(bell: Bool)
    /// Forget every cached read (after a lock or a new sign-in).
    case forget
    /// Check a name and secret against the accounts.
    case signIn(name: String, secret: String)
    /// Read a meeting and open the form on it.
    case editMeeting(Int64)
    /// Read a meeting and open the form on a new pre-meeting for it.
    case preMeeting(Int64)
    /// Read a meeting and ask before cancelling it.
    case askCancel(Int64)
    /// Read a meeting and ask before deleting it.
    case askDelete(Int64)
    /// Read a meeting and open the record form on it.
    case recordMeeting(Int64)
    /// Check and save the meeting form.
    case saveMeeting(MeetingForm)
    /// Check and save the record form.
    case saveRecord(RecordForm)
    /// Check and save a step form.
    case saveStep(StepForm)
    /// Act on the answered question.
    case answer(PromptState)
    /// Answer the signed-in champion's invitation to a meeting.
    case respond(Int64, Response)
    /// Read a meeting and ask office staff whose apologies to mark.
    case askApologies(Int64)
    /// Take back this terminal's last change.
    case undo(UndoChange)
    /// Sign a booked child in now.
    case signInChild(bookingID: Int64, firstName: String)
    /// Pull every idea ready for the Board onto the agenda of the meeting in the form.
    case pullIdeas(MeetingForm)
    /// Read the names the form or question on top picks from.
    case readChoices([PickSource])
    /// Open the first-run set-up, filled with what is there.
    case openFirstRun
    /// Retire an area, disable an account, remove a glossary word (or undo those).
    case setupSwitch(SetupSwitch)
    /// Open the signed-in champion's e-mail reminder form, filled with what is recorded.
    case openEmailReminders
    /// Keep the plain mode on or off for the signed-in person's own account.
    case savePlainMode(Bool)
    /// Write a meeting's pack of papers for parents to files.
    case writePapers(Int64)
    /// Write the report as shown (text and CSV) to files; `forParents` leaves out what
    /// parents' screens do.
    case writeReport(CoproductionReport, expanded: Barrier?, forParents: Bool)
}

extension Command {
    /// Whether carrying it out writes to the database (a sign-in counts its try). The runner
    /// starts one only when no other program is writing, so the screen never freezes on a
    /// busy database.
    public var writes: Bool {
        switch self {
        case .signIn, .saveMeeting, .saveRecord, .saveStep, .answer, .respond, .undo, .signInChild, .pullIdeas, .setupSwitch, .savePlainMode:
            return true
        case .redraw, .alert, .forget, .editMeeting, .preMeeting, .askCancel, .askDelete, .recordMeeting, .askApologies,
             .readChoices, .openFirstRun, .openEmailReminders, .writePapers, .writeReport:
            return false
        }
    }

    /// Whether the terminal carries it out (the rest are the runner's).
    public var isBackend: Bool {
        switch self {
        case .redraw, .alert: return true
        default: return false
        }
    }
}
