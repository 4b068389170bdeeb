-- dualtrack's language server on every YAML buffer: every finding of a
-- ladder (a parity gap, a missing expectation, an unknown competency...) as
-- you type. Neovim 0.8 or later; yaml-language-server, configured with the
-- schema, runs beside it. `.ci/editor-test` runs this very file.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    vim.lsp.start({
      name = "dualtrack",
      cmd = { "dualtrack", "lsp" },
      root_dir = vim.fn.fnamemodify(args.file, ":p:h"),
    })
  end,
})
