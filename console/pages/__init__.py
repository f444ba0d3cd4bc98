"""The page classes, one module each; `console.navigation.PAGES` names them for the main window."""
