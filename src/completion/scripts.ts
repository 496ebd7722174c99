// `s3abort completion bash|zsh|fish`: a script for the shell that asks `s3abort __complete` for
// the candidates, so that the shell side stays small and the rules live in one place (complete.ts).

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The completion script for `shell`, completing the command `prog` (default `s3abort`). */
export function completionScript(shell: Shell, prog = 's3abort'): string {
  const safe = prog.replace(/[^A-Za-z0-9_]/g, '_');
  const fn = `_${safe}_complete`;
  switch (shell) {
    case 'bash':
      return `# bash completion for ${prog}
# Load it in the current shell:   source <(${prog} completion bash)
# or for every shell:             ${prog} completion bash > ~/.local/share/bash-completion/completions/${prog}
${fn}() {
    # the line up to the cursor is split by ${prog} itself; the current word as bash split it
    # (COMP_WORDBREAKS cuts at = and :) tells it how much of each candidate bash replaces
    local cur="\${COMP_WORDS[COMP_CWORD]}"
    local line="\${COMP_LINE:0:COMP_POINT}"
    COMPREPLY=()
    mapfile -t COMPREPLY < <(command ${prog} __complete --shell bash --current "$cur" --line "$line" 2>/dev/null)
}
complete -o nospace -F ${fn} ${prog}
`;
    case 'zsh':
      return `#compdef ${prog}
# zsh completion for ${prog}
# Load it in the current shell:   source <(${prog} completion zsh)
# or save it as _${prog} in a directory of $fpath (before compinit runs)
${fn}() {
    local -a lines spaced bare
    local line
    lines=("\${(@f)$(command ${prog} __complete --shell zsh -- "\${(@Q)words[1,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)}")
    for line in "\${lines[@]}"; do
        case "$line" in
            ('c '*) spaced+=("\${line#c }") ;;
            ('n '*) bare+=("\${line#n }") ;;
        esac
    done
    (( \${#spaced} )) && compadd -- "\${spaced[@]}"
    (( \${#bare} )) && compadd -S '' -- "\${bare[@]}"
    return 0
}
if (( $+functions[compdef] )); then
    compdef ${fn} ${prog}
else
    print -u2 "${prog}: run compinit before loading the completion"
fi
`;
    case 'fish':
      return `# fish completion for ${prog}
# Load it in the current shell:   ${prog} completion fish | source
# or for every shell:             ${prog} completion fish > ~/.config/fish/completions/${prog}.fish
function __${safe}_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    command ${prog} __complete --shell fish -- $tokens $current 2>/dev/null
end
complete -c ${prog} -f -a '(__${safe}_complete)'
`;
  }
}
