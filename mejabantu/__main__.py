from mejabantu.cli import main

main()
