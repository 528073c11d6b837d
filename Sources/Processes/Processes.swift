// The \(t) library; its types arrive one per file.
