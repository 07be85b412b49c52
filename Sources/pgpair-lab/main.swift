print("pgpair-lab")
