namespace CallLoop.Domain;
