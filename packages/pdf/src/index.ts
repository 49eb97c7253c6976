// Public surface of @inkproof/pdf — filled in as the package grows.
export {};
