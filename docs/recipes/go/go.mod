module example.com/revokit-recipe

go 1.19
