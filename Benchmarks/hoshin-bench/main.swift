// hoshin-bench: whole `hoshin` processes and in-process phases beside a bare libyaml
// event scan of the same files, as ratios measured in one run. See docs/benchmark.md.
HoshinBench.main()
