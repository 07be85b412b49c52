print("pgpair")
