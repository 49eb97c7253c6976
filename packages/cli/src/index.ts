// Public surface of @inkproof/cli — filled in as the package grows.
export {};
