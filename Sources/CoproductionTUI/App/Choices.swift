/// The names pickers offer: a form or question that has just opened asks for them once, and
/// they are handed to it when the runner has read them.
extension AppState {
    /// The sources the screen on top wants and has not asked for, marked as asked.
    mutating func askChoices() -> [PickSource]? {
        var asked: [PickSource]?
        func ask(_ wanted: [PickSource], _ have: inout [PickSource: [Choice]]) {
            let missing = wanted.filter { have[$0] == nil }
            guard !missing.isEmpty else { return }
            for source in missing { have[source] = [] }
            asked = missing
        }
        switch stack.last {
        case .meetingForm(var f)?: ask(f.wantedChoices, &f.choices); stack[stack.count - 1] = .meetingForm(f)
        case .recordForm(var f)?: ask(f.wantedChoices, &f.choices); stack[stack.count - 1] = .recordForm(f)
        case .stepForm(var f)?: ask(f.wantedChoices, &f.choices); stack[stack.count - 1] = .stepForm(f)
        case .prompt(var p)?: ask(p.wantedChoices, &p.choices); stack[stack.count - 1] = .prompt(p)
        default: break
        }
        return asked
    }

    /// Gives names read to the screen on top (the form or question that asked).
    mutating func giveChoices(_ found: [PickSource: [Choice]]) {
        updateTop { (f: inout MeetingForm) in f.choices.merge(found) { $1 } }
        updateTop { (f: inout RecordForm) in f.choices.merge(found) { $1 } }
        updateTop { (f: inout StepForm) in f.choices.merge(found) { $1 } }
        updateTop { (p: inout PromptState) in p.choices.merge(found) { $1 } }
    }
}
