import Foundation

extension Markdown {
    /// How a table column is aligned, from its delimiter cell (`:--`, `:-:`, `--:`).
    enum TableAlignment: Equatable {
        case none, left, center, right

        /// The delimiter cell's alignment, or nil if the text is not a delimiter cell.
        init?(delimiterCell: String) {
            let cell = delimiterCell.trimmingCharacters(in: .whitespaces)
            let leftColon = cell.hasPrefix(":")
            let rightColon = cell.count > 1 && cell.hasSuffix(":")
            let dashes = cell.dropFirst(leftColon ? 1 : 0).dropLast(rightColon ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (leftColon, rightColon) {
            case (true, true): self = .center
            case (true, false): self = .left
            case (false, true): self = .right
            case (false, false): self = .none
            }
        }

        /// The `style` attribute for the cell, or "" for an unaligned column.
        var styleAttribute: String {
            switch self {
            case .none: ""
            case .left: " style=\"text-align:left\""
            case .center: " style=\"text-align:center\""
            case .right: " style=\"text-align:right\""
            }
        }
    }
}
