import BookKit
