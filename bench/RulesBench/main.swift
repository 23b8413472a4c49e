print("rules bench")
