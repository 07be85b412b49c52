import PairCore
