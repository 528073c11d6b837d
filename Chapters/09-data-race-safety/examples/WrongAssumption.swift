// `assumeIsolated` from a plain thread: the assumption is wrong, and the program stops.
// ANCHOR: shown
import Foundation

actor Bank {
    var balance = 0
}

let bank = Bank()
let worker = Thread {
    bank.assumeIsolated { bank in
        bank.balance += 1
    }
}
worker.start()
sleep(5)      // the trap comes long before
// ANCHOR_END: shown

// expect-trap: Incorrect actor executor assumption; expected 'example.Bank' executor.
