// Entry point: parse arguments, run, and map every failure to spec §7's exit codes.
HoshinCommand.runMain()
