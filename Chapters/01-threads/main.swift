import Notebook
let notebook = Notebook()
notebook.cell("hello", "Hello") { cell in
    print("hello <b>")
    cell.check(true, "ok")
    cell.value("x", 1.2345, unit: "s")
}
notebook.finish()
