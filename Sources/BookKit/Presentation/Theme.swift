/// The theme: files committed in `book/theme/` that the builder copies, unchanged, to
/// `book/assets/`. Pages refer to them as `assets/NAME`.
public enum Theme {
    /// The folder, relative to `book/`, where pages find their assets.
    public static let assetsFolder = "assets"

    /// Every file of `book/theme/` a page uses:
    /// - `book.css`: layout, light and dark colours, code tokens, figures, print rules;
    /// - `theme-init.js`: applies the remembered colour scheme before the first paint;
    /// - `book.js`: sidebar toggle, theme toggle, copy buttons, keyboard navigation, search.
    public static let assetNames = ["book.css", "theme-init.js", "book.js"]
}
