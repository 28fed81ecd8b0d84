from policyledger.cli import main

main()
